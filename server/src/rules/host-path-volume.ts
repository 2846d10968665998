import { isRuntimeSocketPath, sensitiveHostPathVolume } from '../analysis/host-paths';
import { mountsOf, podVolumes } from '../analysis/pod-volumes';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'host-path-volume',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'hostPath volumes tie a pod to a node and give it the node\'s files; prefer emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret.',
      aka: ['PSS baseline', 'KSV-0023'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    for (const volume of podVolumes(pod)) {
      if (volume.type !== 'hostPath' || !volume.typePair) continue;
      const path = volume.hostPath;
      if (path !== undefined) {
        // Runtime sockets (docker-socket-mount) and sensitive paths (host-path-sensitive) are reported there.
        if (isRuntimeSocketPath(path)) continue;
        const mounts = mountsOf(pod, volume.name).map((m) => ({ writable: !m.readOnly, subPath: m.subPath }));
        if (sensitiveHostPathVolume(path, mounts)) continue;
      }
      const pathNode = yaml.get(yaml.getMap(volume.map, 'hostPath'), 'path');
      report({
        range: pathNode ? yaml.range(pathNode) : yaml.keyRange(volume.typePair),
        message: `Volume "${volume.name ?? '?'}" mounts ${path ? `"${path}" from the node` : 'a node path'} (hostPath); use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret unless the pod must reach the node's files.`,
      });
    }
  },
});
