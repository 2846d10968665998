import type { Severity } from '../engine/types';
import type { FileReport } from './report';

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

/** Human output: `path:line:col  severity  message  rule-id`, 1-based like compilers, then a summary. */
export function formatText(files: FileReport[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const file of files) {
    const rows = [
      ...file.notices.map((n) => ({ range: n.range, severity: n.severity, message: n.message, rule: '' })),
      ...file.findings.map((f) => ({ range: f.range, severity: f.severity, message: f.message, rule: f.ruleId })),
    ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const f of file.findings) {
      counts[f.severity]++;
      if (f.fixes.some((x) => x.safe)) fixable++;
    }
    for (const row of rows) {
      const where = `${file.path}:${row.range.start.line + 1}:${row.range.start.character + 1}`;
      out.push(`${where}  ${paint(COLORS[row.severity], row.severity.padEnd(7))}  ${row.message}${row.rule ? '  ' + paint(DIM, row.rule) : ''}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
  const summary =
    total === 0
      ? `No problems found in ${files.length} file${files.length === 1 ? '' : 's'}.`
      : `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files.length} file${files.length === 1 ? '' : 's'}` +
        (fixable > 0 ? `; ${fixable} can be fixed safely with --fix.` : '.');
  if (out.length > 0) out.push('');
  out.push(summary);
  return out.join('\n');
}
