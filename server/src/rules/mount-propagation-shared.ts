import { composeMounts } from '../analysis/compose-volumes';
import { defineRule } from '../engine/rule';

const SHARED = new Set(['shared', 'rshared']);

export default defineRule({
  meta: {
    id: 'mount-propagation-shared',
    kinds: ['compose'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'A bind mount with shared propagation lets mounts made inside the container appear on the host.',
      aka: ['compose-lint CL-0017'],
    },
    fixable: false,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      for (const mount of composeMounts(yaml, service.get('volumes')?.value)) {
        if (!mount.propagation || !SHARED.has(mount.propagation.toLowerCase()) || mount.type !== 'bind') continue;
        report({
          range: yaml.range(mount.propagationNode ?? mount.node),
          message: `Service "${service.name}" binds ${mount.source ?? 'a host path'} with ${mount.propagation} propagation, so mounts made in the container reach the host; use the default (rprivate) or rslave.`,
        });
      }
    }
  },
});
