import { removePair } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { asMap, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

/** Where handlers live in a container: probes, and the lifecycle hooks. */
const HANDLERS: string[][] = [['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop']];

export default defineRule({
  meta: {
    id: 'probe-host-field',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'warning',
    docs: {
      summary: 'A probe or lifecycle hook with httpGet.host or tcpSocket.host makes the kubelet connect to any address, which can be abused to reach internal services.',
      aka: ['PSS baseline (1.34)'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      for (const path of HANDLERS) {
        const handler = asMap(yaml.path(container.map, ...path));
        for (const action of ['httpGet', 'tcpSocket']) {
          const map = yaml.getMap(handler, action);
          const found = yaml.lookup(map, 'host');
          const host = scalarString(found?.value);
          if (!map || !found || !host) continue;
          report({
            range: yaml.pairRange(found.pair),
            message: `The ${containerLabel(container)}'s ${path.join('.')} ${action} targets host "${host}"; remove host so the kubelet checks the pod's own IP.`,
            fixes: found.inherited ? [] : [{ title: 'Remove host (the check targets the pod IP)', edits: [removePair(yaml, map, found.pair)], safe: false }],
          });
        }
      }
    }
  },
});
