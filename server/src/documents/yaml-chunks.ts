/**
 * Splits a multi-document YAML text at its `---` markers without parsing it, so each document can
 * be parsed and linted on its own and an edit re-lints only the document it touches. A marker line
 * starting at column 0 always ends the previous document in YAML (even inside a block scalar), so
 * this split agrees with the parser.
 */
export interface YamlChunk {
  /** Offset of the chunk in the whole text. */
  offset: number;
  /** 0-based line of the chunk's first line. */
  line: number;
  text: string;
}

const MARKER = /^---(?:[ \t]|$)/;

export function splitYamlDocuments(text: string): YamlChunk[] {
  const chunks: YamlChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    if (pos > chunkStart && text.charCodeAt(pos) === 45 /* - */ && MARKER.test(text.slice(pos, Math.min(next, pos + 4)).replace(/\r$/, ''))) {
      chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart, pos) });
      chunkStart = pos;
      chunkLine = line;
    }
    if (next >= text.length) break;
    pos = next + 1;
    line++;
  }
  chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}
