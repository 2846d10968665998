import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import textDocument = require('vscode-languageserver-textdocument');
import { LineIndex } from '../engine/text';
import type { Position, Range } from '../engine/types';

/**
 * Incremental parsing of Dockerfiles. dockerfile-ast parses a whole file at once; on a large
 * multi-stage file that is most of the cost of a keystroke. Stages are independent for the parser,
 * so the text is cut where a stage begins and each piece is parsed on its own, with positions
 * shifted to where the piece sits in the file. A piece whose text and first line are those of a
 * piece of the document's previous version is taken from it, so an edit re-parses only the stage
 * it touches, and nothing outlives the document's next version.
 */

/** One piece, parsed; shared by the versions of a document in which it did not change. */
export interface ParsedSegment {
  /** Unique per parse: equal ids mean the same text at the same line. */
  id: number;
  line: number;
  text: string;
  ast: Dockerfile;
  instructions: Instruction[];
}

/** A parsed piece where it sits in one version of the text. */
export interface PlacedSegment {
  segment: ParsedSegment;
  /** Offsets of the piece in this version of the text. */
  start: number;
  end: number;
}

interface Segment {
  line: number;
  text: string;
  start: number;
}

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
  let nextAngle = -1;
  // Offsets, not sliced lines: this runs on every keystroke over the whole file.
  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const contentEnd = end > pos && text.charCodeAt(end - 1) === 13 /* \r */ ? end - 1 : end;
    if (heredocs.length > 0) {
      let bodyStart = pos;
      if (heredocs[0].tabs) while (bodyStart < contentEnd && text.charCodeAt(bodyStart) === 9) bodyStart++;
      const { delimiter } = heredocs[0];
      if (contentEnd - bodyStart === delimiter.length && text.startsWith(delimiter, bodyStart)) heredocs.shift();
    } else {
      const first = firstNonBlank(text, pos, contentEnd);
      const comment = text.charCodeAt(first) === 35; /* # */
      if (!continued && !comment && pos > segmentStart && startsWithFrom(text, pos, contentEnd)) {
        segments.push({ line: segmentLine, text: text.slice(segmentStart, pos), start: segmentStart });
        segmentStart = pos;
        segmentLine = line;
      }
      if (!comment) {
        if (nextAngle < pos) nextAngle = text.indexOf('<<', pos) >>> 0; // none left: 2^32 - 1
        if (nextAngle < contentEnd) {
          for (const m of text.slice(pos, contentEnd).matchAll(HEREDOC)) heredocs.push({ delimiter: m[2], tabs: m[0].startsWith('<<-') });
        }
        if (first < contentEnd) continued = endsWithEscape(text, pos, contentEnd);
      }
    }
    if (end >= text.length) break;
    pos = end + 1;
    line++;
  }
  segments.push({ line: segmentLine, text: text.slice(segmentStart), start: segmentStart });
  return segments;
}

/** Where `String.prototype.trimStart` would start the line `[from, to)`. */
function firstNonBlank(text: string, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const c = text.charCodeAt(at);
    if (c === 32 || (c >= 9 && c <= 13)) at++;
    else if (c < 128) return at;
    else return to - text.slice(at, to).trimStart().length;
  }
  return at;
}

/** `[ \t]*from[ \t]`, case-insensitive, at the start of the line `[from, to)`. */
function startsWithFrom(text: string, from: number, to: number): boolean {
  let at = from;
  while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  if (at + 5 > to || (text.charCodeAt(at) | 32) !== 102 /* f */) return false;
  const after = text.charCodeAt(at + 4);
  return (after === 32 || after === 9) && text.slice(at, at + 4).toLowerCase() === 'from';
}

/** `\\[ \t]*$` on the line `[from, to)`: Docker continues it on the next line. */
function endsWithEscape(text: string, from: number, to: number): boolean {
  let at = to - 1;
  while (at >= from && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at--;
  return at >= from && text.charCodeAt(at) === 92;
}

let nextId = 1;

/**
 * Parses a Dockerfile piece by piece, taking from `previous` (the pieces of the document's last
 * version, by first line) every piece whose text did not change.
 */
export function parseSegments(text: string, previous?: ReadonlyMap<number, ParsedSegment>): PlacedSegment[] | undefined {
  const pieces = splitStages(text);
  if (!pieces) return undefined;
  return pieces.map(({ line, text: pieceText, start }) => {
    let segment = previous?.get(line);
    if (!segment || segment.text !== pieceText) {
      const ast = parseShifted(pieceText, line);
      segment = { id: nextId++, line, text: pieceText, ast, instructions: ast.getInstructions() };
    }
    return { segment, start, end: start + pieceText.length };
  });
}

type TextDocumentLike = ReturnType<typeof textDocument.TextDocument.create>;

/**
 * dockerfile-ast takes its positions from the TextDocument it creates for the text; while a piece
 * is parsed, that document is a `PieceDocument` whose lines start at `base`, so every range is a
 * file position.
 */
function parseShifted(text: string, base: number): Dockerfile {
  const namespace = textDocument.TextDocument as { create: typeof textDocument.TextDocument.create };
  const create = namespace.create;
  namespace.create = (uri, languageId, version, content) => new PieceDocument(uri, languageId, version, content, base) as unknown as TextDocumentLike;
  try {
    return DockerfileParser.parse(text);
  } finally {
    namespace.create = create;
  }
}

/**
 * The reads dockerfile-ast makes of its document (positionAt, offsetAt, getText), answered as
 * vscode-languageserver-textdocument does (CRLF, LF and a lone CR end a line; no position between a
 * CR and its LF) by a LineIndex, for a text whose first line is line `base` of the file.
 */
class PieceDocument {
  private readonly lines: LineIndex;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly content: string,
    private readonly base: number,
  ) {
    this.lines = new LineIndex(content);
  }

  get lineCount(): number {
    return this.lines.lineCount + this.base;
  }

  getText(range?: Range): string {
    return range ? this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content;
  }

  positionAt(offset: number): Position {
    const p = this.lines.positionAt(offset);
    return { line: p.line + this.base, character: p.character };
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt({ line: position.line - this.base, character: position.character });
  }
}
