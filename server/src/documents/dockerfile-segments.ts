import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import textDocument = require('vscode-languageserver-textdocument');

/**
 * Incremental parsing of Dockerfiles. dockerfile-ast parses a whole file at once; on a large
 * multi-stage file that is most of the cost of a keystroke. Stages are independent for the parser,
 * so the text is cut where a stage begins and each piece is parsed on its own, with positions
 * shifted to where the piece sits in the file. A piece whose text and position did not change is
 * served from a cache, so an edit re-parses only the stage it touches.
 */

export interface ParsedSegment {
  line: number;
  ast: Dockerfile;
  instructions: Instruction[];
}

interface Segment {
  line: number;
  text: string;
}

const FROM_LINE = /^[ \t]*from[ \t]/i;
const HEREDOC = /<<-?[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
const ESCAPE_DIRECTIVE = /^#[ \t]*escape[ \t]*=/im;

/**
 * Where the stages begin: lines starting with FROM that are not inside a continued instruction or
 * a heredoc body. Undefined when the file changes the escape character (the split assumes `\`).
 */
export function splitStages(text: string): Segment[] | undefined {
  const head = text.slice(0, 4096);
  if (ESCAPE_DIRECTIVE.test(head)) return undefined;
  const segments: Segment[] = [];
  let segmentStart = 0;
  let segmentLine = 0;
  let line = 0;
  let continued = false;
  const heredocs: { delimiter: string; tabs: boolean }[] = [];
  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const raw = text.slice(pos, end);
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (heredocs.length > 0) {
      const body = heredocs[0].tabs ? content.replace(/^\t+/, '') : content;
      if (body === heredocs[0].delimiter) heredocs.shift();
    } else {
      const trimmed = content.trimStart();
      const comment = trimmed.startsWith('#');
      if (!continued && !comment && FROM_LINE.test(content) && pos > segmentStart) {
        segments.push({ line: segmentLine, text: text.slice(segmentStart, pos) });
        segmentStart = pos;
        segmentLine = line;
      }
      if (!comment) {
        for (const m of content.matchAll(HEREDOC)) heredocs.push({ delimiter: m[2], tabs: m[0].startsWith('<<-') });
        if (trimmed) continued = /\\[ \t]*$/.test(content);
      }
    }
    if (end >= text.length) break;
    pos = end + 1;
    line++;
  }
  segments.push({ line: segmentLine, text: text.slice(segmentStart) });
  return segments;
}

const CACHE_CHARS = 8_000_000;
const cache = new Map<string, ParsedSegment>();
let cachedChars = 0;

/** Parses a Dockerfile piece by piece, reusing the pieces an edit did not touch. */
export function parseSegments(text: string): ParsedSegment[] | undefined {
  const segments = splitStages(text);
  if (!segments) return undefined;
  return segments.map(({ line, text: segmentText }) => {
    const key = `${line}\0${segmentText}`;
    let parsed = cache.get(key);
    if (parsed) {
      cache.delete(key); // most recently used last
    } else {
      const ast = parseShifted(segmentText, line);
      parsed = { line, ast, instructions: ast.getInstructions() };
      cachedChars += key.length;
    }
    cache.set(key, parsed);
    while (cachedChars > CACHE_CHARS && cache.size > 1) {
      const oldest = cache.keys().next().value!;
      cache.delete(oldest);
      cachedChars -= oldest.length;
    }
    return parsed;
  });
}

type TextDocumentLike = ReturnType<typeof textDocument.TextDocument.create>;

/**
 * dockerfile-ast takes its positions from the TextDocument it creates for the text; while the piece
 * is parsed that document is one whose lines start at `base`, so every range is a file position.
 */
function parseShifted(text: string, base: number): Dockerfile {
  if (base === 0) return DockerfileParser.parse(text);
  const namespace = textDocument.TextDocument as { create: typeof textDocument.TextDocument.create };
  const create = namespace.create;
  namespace.create = (uri, languageId, version, content) => shift(create(uri, languageId, version, content), base);
  try {
    return DockerfileParser.parse(text);
  } finally {
    namespace.create = create;
  }
}

function shift(document: TextDocumentLike, base: number): TextDocumentLike {
  const back = (p: { line: number; character: number }) => ({ line: p.line - base, character: p.character });
  return {
    uri: document.uri,
    languageId: document.languageId,
    version: document.version,
    get lineCount() {
      return document.lineCount + base;
    },
    getText: (range?: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      range ? document.getText({ start: back(range.start), end: back(range.end) }) : document.getText(),
    positionAt: (offset: number) => {
      const p = document.positionAt(offset);
      return { line: p.line + base, character: p.character };
    },
    offsetAt: (position: { line: number; character: number }) => document.offsetAt(back(position)),
    getLineRange: (line: number) => {
      const r = document.getLineRange(line - base);
      return { start: { line: r.start.line + base, character: r.start.character }, end: { line: r.end.line + base, character: r.end.character } };
    },
    getEOLCharacters: (line: number) => document.getEOLCharacters(line - base),
  };
}
