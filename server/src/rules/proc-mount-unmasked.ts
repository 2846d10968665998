import { isScalar } from 'yaml';
import { replaceScalar } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'proc-mount-unmasked',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'procMount: Unmasked exposes the host kernel interfaces that the runtime normally hides under /proc.',
      aka: ['PSS baseline', 'KSV-0027'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      const found = yaml.lookup(container.securityContext, 'procMount');
      const value = scalarString(found?.value);
      if (!found || value === undefined || value === 'Default') continue;
      report({
        range: yaml.pairRange(found.pair),
        message: `The ${containerLabel(container)} sets procMount: ${value}, which leaves /proc unmasked; use procMount: Default.`,
        fixes: isScalar(found.value) && !found.inherited
          ? [{ title: 'Set procMount: Default (changes behaviour: /proc paths are masked again)', edits: [replaceScalar(yaml, found.value, 'Default')], safe: false }]
          : [],
      });
    }
  },
});
