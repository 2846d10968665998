import { isScalar, type Node } from 'yaml';
import { isInterpolated } from '../analysis/compose-values';
import { asSeq, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'tmpfs-exec',
    kinds: ['compose'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'A tmpfs mounted with exec or suid lets an attacker drop and run binaries (or setuid binaries) in a writable place.',
      aka: ['compose-lint CL-0022'],
    },
    fixable: false,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      // `tmpfs:` is one path or a list of `path[:options]`; options are comma-separated.
      const tmpfs = service.get('tmpfs')?.value;
      const entries: Node[] = asSeq(tmpfs) ? yaml.items(asSeq(tmpfs)) : tmpfs ? [tmpfs] : [];
      for (const entry of entries) {
        const text = scalarString(entry);
        if (!text || !isScalar(entry) || isInterpolated(text)) continue;
        const colon = text.indexOf(':');
        if (colon < 0) continue;
        const flags = risky(text.slice(colon + 1).split(','));
        if (flags.length > 0) report({ range: yaml.range(entry), message: message(service.name, text.slice(0, colon), flags) });
      }
    }
  },
});

function risky(options: string[]): string[] {
  return options.map((o) => o.trim().toLowerCase()).filter((o) => o === 'exec' || o === 'suid');
}

function message(service: string, path: string, flags: string[]): string {
  return `Service "${service}" mounts a tmpfs at ${path} with ${flags.join(' and ')}; mount it noexec,nosuid unless the service really runs programs from there.`;
}
