import { isMap } from 'yaml';
import { removePair } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { scalarString, scalarValue } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'host-port',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'A hostPort opens the port on the node itself, bypassing Services and network policies, and limits where the pod can be scheduled.',
      aka: ['PSS baseline', 'CKV_K8S_26'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      for (const port of yaml.items(yaml.getSeq(container.map, 'ports'))) {
        if (!isMap(port)) continue;
        const found = yaml.lookup(port, 'hostPort');
        if (!found) continue;
        const value = scalarValue(found.value);
        if (value === null || value === undefined || value === 0 || value === '0' || value === '') continue;
        report({
          range: yaml.pairRange(found.pair),
          message: `The ${containerLabel(container)} binds hostPort ${scalarString(found.value) ?? ''} on the node; remove hostPort and expose the port through a Service.`,
          fixes: found.inherited ? [] : [{ title: 'Remove hostPort (changes behaviour: the port is no longer open on the node)', edits: [removePair(yaml, port, found.pair)], safe: false }],
        });
      }
    }
  },
});
