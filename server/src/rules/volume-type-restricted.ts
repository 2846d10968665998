import { podVolumes } from '../analysis/pod-volumes';
import { defineRule } from '../engine/rule';

/** The volume types the Pod Security `restricted` profile allows. */
const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

export default defineRule({
  meta: {
    id: 'volume-type-restricted',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'The Pod Security restricted profile allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes.',
      aka: ['PSS restricted'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    for (const volume of podVolumes(pod)) {
      const { type, typePair } = volume;
      // hostPath volumes are reported by docker-socket-mount, host-path-sensitive or host-path-volume.
      if (!type || !typePair || ALLOWED.has(type) || type === 'hostPath') continue;
      report({
        range: object.yaml.keyRange(typePair),
        message: `Volume "${volume.name ?? '?'}" is of type ${type}, which the restricted Pod Security profile forbids; use a persistentVolumeClaim (or a csi volume) for storage instead.`,
      });
    }
  },
});
