import { invocation } from '../analysis/shell/commands';
import { shellSites } from '../analysis/shell/dockerfile-shell';
import { downloadsToStdout } from '../analysis/shell/downloads';
import { interpreterUse } from '../analysis/shell/interpreters';
import type { ShellCommand } from '../analysis/shell/parser';
import { defineRule } from '../engine/rule';

/** `eval`, `source` and `.` run what they are given as shell code. */
const EVALUATORS = new Set(['eval', 'source', '.']);

export default defineRule({
  meta: {
    id: 'curl-pipe-shell',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'A script downloaded with curl or wget and run straight away (`curl … | sh`) is executed without any check of what was downloaded.',
      aka: [],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const site of shellSites(doc)) {
      const analysis = site.analysis;
      if (!analysis) continue;
      const { commands } = analysis;
      const invs = commands.map((c) => invocation(c));
      const downloader = (i: number) => {
        const inv = invs[i];
        return inv && downloadsToStdout(inv) ? inv : undefined;
      };
      // curl … | sh: a downloader in one stage, an interpreter reading stdin in a later one.
      for (const pipeline of analysis.pipelines) {
        let source: { index: number; name: string } | undefined;
        for (const stage of pipeline.stages) {
          for (const index of stage) {
            const inv = invs[index];
            if (!inv) continue;
            if (source && interpreterUse(inv)?.readsStdin) {
              report({
                range: site.range(commands[source.index].start, commands[index].end),
                message: `${source.name} output is piped into ${inv.name}: the downloaded script runs without any check. Download it to a file, verify its checksum or signature, then run it.`,
              });
              source = undefined;
              break;
            }
          }
          if (!source) {
            const found = stage.find((index) => downloader(index));
            if (found !== undefined) source = { index: found, name: invs[found]!.name };
          }
        }
      }
      // sh -c "$(curl …)", bash <(curl …), eval "$(curl …)", source <(curl …)
      commands.forEach((cmd, index) => {
        const inv = invs[index];
        if (!inv) return;
        const use = interpreterUse(inv);
        const evaluator = EVALUATORS.has(inv.name);
        if (!use && !evaluator) return;
        // The whole program is the download: `"$(curl …)"` or `<(curl …)`, not text spliced into a literal script.
        const words = (evaluator ? inv.argv.slice(1) : [use!.inline, use!.operands[0]]).filter((w): w is NonNullable<typeof w> => !!w && /^(\$\(|<\(|`)[\s\S]*[)`]$/.test(w.value.trim()));
        const inner = commands.findIndex((c, k) => c.parent === index && downloader(k) && words.some((w) => within(c, w)));
        if (inner < 0) return;
        report({
          range: site.range(cmd.start, cmd.end),
          message: `${inv.name} runs a script fetched by ${invs[inner]!.name} without any check. Download it to a file, verify its checksum or signature, then run it.`,
        });
      });
    }
  },
});

function within(cmd: ShellCommand, word: { start: number; end: number }): boolean {
  return cmd.start >= word.start && cmd.end <= word.end;
}
