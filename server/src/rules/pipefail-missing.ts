import type { Instruction } from 'dockerfile-ast';
import { invocation } from '../analysis/shell/commands';
import { shellFromArgv, shellSites, type ShellSite } from '../analysis/shell/dockerfile-shell';
import type { ShellAnalysis, ShellPipeline } from '../analysis/shell/parser';
import type { DockerfileModel, Stage } from '../documents/dockerfile';
import { defineRule } from '../engine/rule';
import type { Fix } from '../engine/types';

/** Stages whose failure pipefail would not reveal anyway: literal `echo`/`printf` output. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', 'yes']);

/** The first pipeline of a RUN whose earlier stages can fail unnoticed, unless `set -o pipefail` ran before it. */
function unguardedPipeline(analysis: ShellAnalysis): ShellPipeline | undefined {
  const guards = analysis.commands.filter((c) => c.depth === 0 && invocation(c)?.name === 'set' && shellFromArgv(['set', ...c.argv.slice(1).map((w) => w.value)]).pipefail);
  for (const p of analysis.pipelines) {
    if (p.depth !== 0 || p.stages.length < 2) continue;
    if (guards.some((g) => g.end <= p.start)) continue;
    const upstream = p.stages.slice(0, -1).flat();
    const harmless = upstream.every((i) => {
      const cmd = analysis.commands[i];
      const inv = invocation(cmd);
      return !!inv && CANNOT_FAIL.has(inv.name) && inv.argv.every((w) => !w.dynamic);
    });
    if (!harmless) return p;
  }
  return undefined;
}

/** bash on glibc bases; busybox ash (which has `-o pipefail`) on Alpine and BusyBox, which ship no bash. */
function shellFix(doc: DockerfileModel, stage: Stage | undefined, before: Instruction): Fix | undefined {
  if (!stage) return undefined;
  const root = doc.rootOf(stage);
  if (root.isScratch) return undefined;
  const image = doc.fromImage(root)?.resolved.toLowerCase() ?? '';
  if (/distroless|chainguard\/static|\/static:/.test(image)) return undefined;
  const shell = /alpine|busybox/.test(image) ? '/bin/ash' : '/bin/bash';
  const line = before.getRange().start.line;
  const at = { line, character: 0 };
  const indent = doc.lines.lineText(line).match(/^[ \t]*/)?.[0] ?? '';
  return {
    title: `Add SHELL ["${shell}", "-o", "pipefail", "-c"] before this RUN (changes behaviour: later RUN, CMD and ENTRYPOINT in shell form run in ${shell.slice(5)})`,
    edits: [{ range: { start: at, end: at }, newText: `${indent}SHELL ["${shell}", "-o", "pipefail", "-c"]${doc.lines.eol}` }],
    safe: false,
  };
}

export default defineRule({
  meta: {
    id: 'pipefail-missing',
    kinds: ['dockerfile'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'A `RUN` with a pipe succeeds when an earlier command in the pipe fails, unless the shell runs with `-o pipefail`.',
      aka: ['DL4006'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    const firstInStage = new Map<Stage | undefined, Instruction>();
    const found: { site: ShellSite; pipeline: ShellPipeline }[] = [];
    for (const site of shellSites(doc)) {
      if (site.keyword !== 'RUN' || (site.form !== 'shell' && site.form !== 'heredoc') || !site.analysis) continue;
      if (!site.shell.posix || site.shell.pipefail) continue;
      const pipeline = unguardedPipeline(site.analysis);
      if (!pipeline) continue;
      found.push({ site, pipeline });
      if (!firstInStage.has(site.stage)) firstInStage.set(site.stage, site.instruction);
    }
    for (const { site, pipeline } of found) {
      // One SHELL before the stage's first such RUN covers them all.
      const fix = shellFix(doc, site.stage, firstInStage.get(site.stage)!);
      report({
        range: site.range(pipeline.start, pipeline.end),
        message: `This pipe hides failures of the commands before its last stage: the RUN succeeds if they fail. Set SHELL ["/bin/bash", "-o", "pipefail", "-c"] (ash on Alpine) or start the RUN with set -o pipefail.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
