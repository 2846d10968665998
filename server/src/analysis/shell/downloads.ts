import type { Invocation } from './commands';
import { shortCluster } from './edits';

export const CURL_VALUED_SHORT = 'AbcCdDeEFHKmoPQrtTuUwxXYyz';

const TOOLS: Record<string, { valuedShort: string; output: { short: string; long: string }; remoteName?: string[] }> = {
  curl: { valuedShort: CURL_VALUED_SHORT, output: { short: 'o', long: '--output' }, remoteName: ['--remote-name', '--remote-name-all'] },
  wget: { valuedShort: 'aAbBDeiIlnoOPQtTUwWXY', output: { short: 'O', long: '--output-document' } },
};

/**
 * `curl …` / `wget …` that writes what it downloads to standard output, so a pipe carries it:
 * curl unless `-o file` / `-O`; wget only with `-O -` (`-qO-`, `--output-document=-`).
 */
export function downloadsToStdout(inv: Invocation): boolean {
  const tool = TOOLS[inv.name];
  if (!tool) return false;
  const args = inv.argv.slice(1);
  let output: string | undefined = inv.name === 'curl' ? '-' : undefined;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    if (tool.remoteName?.includes(v)) return false;
    if (v.startsWith(`${tool.output.long}=`)) output = v.slice(tool.output.long.length + 1);
    else if (v === tool.output.long) output = args[++i]?.value;
    else {
      const cluster = shortCluster(v, tool.valuedShort);
      if (!cluster) continue;
      if (inv.name === 'curl' && cluster.letters.includes('O')) return false;
      if (cluster.valuedAt === undefined) continue;
      const value = cluster.valuedAt + 1 < v.length ? v.slice(cluster.valuedAt + 1) : args[++i]?.value;
      if (v[cluster.valuedAt] === tool.output.short) output = value;
    }
  }
  return output === '-' || output === '/dev/stdout';
}
