// Repository checks CI runs before the tests: every rule has its test and its doc page, and the
// generated files are current.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const problems = [];
const ids = readdirSync('server/src/rules').filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
for (const id of ids) {
  if (!existsSync(`test/rules/${id}.test.ts`)) problems.push(`rule ${id} has no test/rules/${id}.test.ts`);
  if (!existsSync(`docs/rules/${id}.md`)) problems.push(`rule ${id} has no docs/rules/${id}.md`);
}
for (const doc of readdirSync('docs/rules').filter((f) => f.endsWith('.md') && f !== 'README.md')) {
  if (!ids.includes(doc.slice(0, -3))) problems.push(`docs/rules/${doc} documents no rule`);
}
for (const args of [['scripts/gen-rules-index.mjs', '--check'], ['--import', 'tsx', 'scripts/gen-schema.ts', '--check'], ['--import', 'tsx', 'scripts/gen-rules-table.ts', '--check']]) {
  try {
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  } catch (error) {
    problems.push(String(error.stderr || error.stdout || error.message).trim());
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check: ${ids.length} rules, each with its test and doc; generated rules index, rules table and rules-file schema current.`);
