import type { Flag } from 'dockerfile-ast';
import type { DockerfileModel } from '../documents/dockerfile';
import type { TextEdit } from '../engine/types';

/**
 * Deletes one `--flag[=value]` of an instruction and the blanks after it, keeping the
 * instruction valid: a flag alone on a continued line takes the whole line with it, so no
 * empty continuation line is left behind (whatever the `# escape=` character is).
 */
export function removeFlagEdit(doc: DockerfileModel, flag: Flag): TextEdit {
  const { lines } = doc;
  const text = lines.text;
  const range = flag.getRange();
  const start = lines.offsetAt(range.start);
  let end = lines.offsetAt(range.end);
  const lineStart = lines.lineStart(range.start.line);
  const lineEnd = lines.lineEnd(range.end.line);
  while (end < lineEnd && (text[end] === ' ' || text[end] === '\t')) end++;
  const escape = doc.ast.getEscapeCharacter();
  const rest = text.slice(end, lineEnd);
  const aloneOnLine = text.slice(lineStart, start).trim() === '' && range.start.line > 0;
  if (aloneOnLine && rest.length > 0 && rest[0] === escape && rest.slice(1).trim() === '') {
    const next = range.end.line + 1 < lines.lineCount ? lines.lineStart(range.end.line + 1) : text.length;
    return { range: lines.rangeOf(lineStart, next), newText: '' };
  }
  return { range: lines.rangeOf(start, end), newText: '' };
}
