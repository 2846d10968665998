import { isInterpolated } from '../analysis/compose-values';
import { scalarString, type Lookup } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'pids-limit-missing',
    kinds: ['compose'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Without a process limit a fork bomb in one container can exhaust the host\'s process table.',
      aka: ['KICS 221e0658'],
    },
    fixable: false,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const limits = yaml.getMap(yaml.getMap(yaml.getMap(service.map, 'deploy'), 'resources'), 'limits');
      const candidates = [service.get('pids_limit'), yaml.lookup(limits, 'pids')].filter((l): l is Lookup => !!l);
      const set = candidates.find((l) => scalarString(l.value) !== undefined);
      const text = scalarString(set?.value)?.trim();
      if (set && text !== undefined && (isInterpolated(text) || Number(text) > 0)) continue;
      // `-1` (and `0`, which Docker also reads as "no limit") means unlimited.
      report({
        range: set ? yaml.pairRange(set.pair) : service.keyRange,
        message: set
          ? `Service "${service.name}" sets an unlimited process count (${text}); set pids_limit to a positive number such as 200.`
          : `Service "${service.name}" has no process limit; set pids_limit (for example 200) so a fork bomb cannot exhaust the host.`,
      });
    }
  },
});
