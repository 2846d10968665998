import type { YAMLMap } from 'yaml';
import { removePair } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { isTrue } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'windows-host-process',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'A Windows HostProcess container runs directly on the node with host privileges, outside any container isolation.',
      aka: ['PSS baseline', 'KSV-0103'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    // One finding per `hostProcess: true` as written: the pod's once, then each container's own.
    const check = (securityContext: YAMLMap | undefined, who: string) => {
      const options = yaml.getMap(securityContext, 'windowsOptions');
      const found = yaml.lookup(options, 'hostProcess');
      if (!options || !found || !isTrue(found.value)) return;
      report({
        range: yaml.pairRange(found.pair),
        message: `${who} sets windowsOptions.hostProcess: true and runs on the Windows node with host privileges; remove it and run as a normal Windows container.`,
        fixes: found.inherited ? [] : [{ title: 'Remove hostProcess: true (changes behaviour)', edits: [removePair(yaml, options, found.pair)], safe: false }],
      });
    };
    check(pod.securityContext, 'The pod');
    for (const container of pod.containers) {
      const label = containerLabel(container);
      check(container.securityContext, `The ${label}`);
    }
  },
});
