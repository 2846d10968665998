import type { ModifiableInstruction } from 'dockerfile-ast';
import { parseArgs } from '../analysis/shell/commands';
import { replaceWordEdit } from '../analysis/shell/edits';
import { runCommands } from '../analysis/shell/run-commands';
import { defineRule } from '../engine/rule';
import type { Fix, TextEdit } from '../engine/types';

type Problem = 'world-writable' | 'setuid';

/** What is wrong with a chmod mode: world-writable (not sticky), or setuid/setgid. */
export function modeProblems(mode: string): Problem[] {
  const out = new Set<Problem>();
  if (/^[0-7]{1,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const special = Number(digits[0]);
    // 1777 is the sticky world-writable mode of /tmp-like directories: not reported.
    if (Number(digits[3]) & 2 && !(special & 1)) out.add('world-writable');
    if (special & 6) out.add('setuid');
    return [...out];
  }
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=][-+=rwxXstugo]*)$/.exec(clause);
    if (!m) continue;
    const who = m[1];
    const ops = /([-+=])([rwxXst]*)/g;
    for (let op = ops.exec(m[2]); op; op = ops.exec(m[2])) {
      if (op[1] === '-') continue;
      // `+w` without a who follows the umask (usually 022): not world-writable.
      if (op[2].includes('w') && /[oa]/.test(who)) out.add('world-writable');
      if (op[2].includes('s') && (who === '' || /[uga]/.test(who))) out.add('setuid');
    }
  }
  return [...out];
}

const SAFER: Record<string, string> = { '777': '755', '0777': '0755', '666': '644', '0666': '0644' };

function message(problems: Problem[], mode: string, where: string): string {
  const parts: string[] = [];
  if (problems.includes('world-writable')) parts.push('makes files writable by every user, so any process in the container can replace them');
  if (problems.includes('setuid')) parts.push('sets setuid/setgid, a path to root for whoever runs the file');
  return `${where} ${mode} ${parts.join(' and ')}. Grant the least access needed (for example 755 or 644, owned by the user that needs it).`;
}

function fixFor(mode: string, edit: TextEdit | undefined): Fix[] {
  const safer = SAFER[mode];
  if (!safer || !edit) return [];
  return [{ title: `Use ${safer} instead of ${mode} (changes behaviour: only the owner can write)`, edits: [{ ...edit, newText: safer }], safe: false }];
}

export default defineRule({
  meta: {
    id: 'chmod-world-writable',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: '`chmod 777`/`666`, `o+w` or setuid/setgid bits make files writable by anyone or executable with raised privileges.',
      aka: [],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const { site, inv } of runCommands(doc)) {
      if (inv.name !== 'chmod') continue;
      const parsed = parseArgs(inv.argv.slice(1), new Set());
      if (parsed.options.some((o) => o.name.startsWith('--reference'))) continue;
      const mode = parsed.operands[0];
      if (!mode || mode.dynamic || parsed.operands.length < 2) continue;
      const problems = modeProblems(mode.value);
      if (problems.length === 0) continue;
      report({ range: site.range(mode.start, mode.end), message: message(problems, mode.value, 'chmod'), fixes: fixFor(mode.value, replaceWordEdit(site, mode, '')) });
    }
    // COPY --chmod / ADD --chmod set the same bits without a shell.
    for (const instruction of doc.instructions) {
      const keyword = doc.keyword(instruction);
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      for (const flag of (instruction as ModifiableInstruction).getFlags()) {
        const value = flag.getValue();
        const range = flag.getValueRange();
        if (flag.getName().toLowerCase() !== 'chmod' || !value || !range) continue;
        const problems = modeProblems(value);
        if (problems.length === 0) continue;
        report({ range, message: message(problems, value, `${keyword} --chmod=`).replace('--chmod= ', '--chmod='), fixes: fixFor(value, { range, newText: '' }) });
      }
    }
  },
});
