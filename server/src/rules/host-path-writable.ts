import { isRuntimeSocketPath } from '../analysis/host-paths';
import { podVolumes, volumeMounts } from '../analysis/pod-volumes';
import { setPath } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'host-path-writable',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'warning',
    docs: {
      summary: 'A hostPath volume mounted without readOnly: true lets the container change files on the node.',
      aka: ['kube-linter writable-host-mount'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    const hostPaths = new Map<string, string | undefined>();
    for (const volume of podVolumes(pod)) if (volume.type === 'hostPath' && volume.name !== undefined) hostPaths.set(volume.name, volume.hostPath);
    if (hostPaths.size === 0) return;
    for (const container of pod.containers) {
      for (const mount of volumeMounts(container)) {
        if (mount.readOnly || mount.name === undefined || !hostPaths.has(mount.name)) continue;
        const path = hostPaths.get(mount.name);
        // readOnly does not stop a client from talking to a socket: docker-socket-mount owns those.
        if (path !== undefined && isRuntimeSocketPath(path)) continue;
        const nameLookup = yaml.lookup(mount.map, 'name')!;
        const readOnly = yaml.lookup(mount.map, 'readOnly');
        report({
          range: readOnly && !readOnly.inherited ? yaml.pairRange(readOnly.pair) : yaml.pairRange(nameLookup.pair),
          message: `The ${containerLabel(container)} mounts hostPath volume "${mount.name}"${path ? ` (${path})` : ''} writable; add readOnly: true to the volumeMount unless it must write to the node.`,
          fixes: readOnly?.inherited ? [] : [{ title: 'Mount it read-only (readOnly: true; changes behaviour: writes to the mount fail)', edits: [setPath(yaml, mount.map, ['readOnly'], 'true')], safe: false }],
        });
      }
    }
  },
});
