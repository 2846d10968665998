import { relative } from 'node:path';
import type { LoadedRulesFile } from './resolve';

/** Rules-file mistakes for a terminal: `file:line:column: problem`, one a line (the CLI exits 2). */
export function formatRulesFileProblems(files: readonly Pick<LoadedRulesFile, 'path' | 'problems'>[], cwd: string): string {
  const lines: string[] = [];
  for (const file of files) {
    const shown = relative(cwd, file.path) || file.path;
    for (const problem of file.problems) {
      lines.push(`${shown}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`);
    }
  }
  lines.push(`shipshape: invalid rules file${files.length > 1 ? 's' : ''}; nothing was linted. Fix the problems above (the JSON Schema in schemas/shipshape.schema.json describes the file).`);
  return lines.join('\n') + '\n';
}
