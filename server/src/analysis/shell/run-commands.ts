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

/** Every simple command of the Dockerfile's `RUN` instructions (or other keywords), wrappers removed. */
export function runCommands(doc: DockerfileModel, keywords: readonly ShellSite['keyword'][] = ['RUN']): SiteCommand[] {
  const out: SiteCommand[] = [];
  for (const site of shellSites(doc)) {
    if (!site.analysis || !keywords.includes(site.keyword)) continue;
    site.analysis.commands.forEach((cmd, index) => {
      const inv = invocation(cmd);
      if (inv) out.push({ site, cmd, index, inv });
    });
  }
  return out;
}
