import type { DockerfileModel } from '../../documents/dockerfile';
import { invocation, type Invocation } from './commands';
import { shellSites, type ShellSite } from './dockerfile-shell';
import type { ShellCommand } from './parser';

export interface SiteCommand {
  site: ShellSite;
  cmd: ShellCommand;
  index: number;
  inv: Invocation;
}

/** Every simple command of the Dockerfile's `RUN` instructions, wrappers removed; computed once per model. */
const cache = new WeakMap<DockerfileModel, SiteCommand[]>();

export function runCommands(doc: DockerfileModel): SiteCommand[] {
  let out = cache.get(doc);
  if (!out) cache.set(doc, (out = collect(doc)));
  return out;
}

function collect(doc: DockerfileModel): SiteCommand[] {
  const out: SiteCommand[] = [];
  for (const site of shellSites(doc)) {
    if (!site.analysis || site.keyword !== 'RUN') continue;
    site.analysis.commands.forEach((cmd, index) => {
      const inv = invocation(cmd);
      if (inv) out.push({ site, cmd, index, inv });
    });
  }
  return out;
}
