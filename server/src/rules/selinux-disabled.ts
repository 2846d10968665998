import { isScalar, type Pair } from 'yaml';
import { composeFix } from '../analysis/compose-fix';
import { findSecurityOption, securityOptions } from '../analysis/compose-security-opt';
import { removeSeqItem } from '../analysis/yaml-edit';
import { containerLabel, effectiveSecurityField } from '../documents/kubernetes';
import { asMap, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

/** SELinux types the Pod Security baseline allows. */
const ALLOWED_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineRule({
  meta: {
    id: 'selinux-disabled',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Disabling SELinux labelling, or choosing a custom SELinux user, role or type, removes the confinement that keeps a container inside its own files.',
      aka: ['PSS baseline', 'KSV-0025'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const option = findSecurityOption(securityOptions(yaml, service.get('security_opt')?.value), 'label', 'disable');
      if (!option) continue;
      report({
        range: yaml.range(option.node),
        message: `Service "${service.name}" disables SELinux labelling (${option.node.value}); remove the entry so the container stays confined.`,
        fixes: [composeFix(compose, `Remove ${option.node.value} (changes behaviour: SELinux confines the container)`, [removeSeqItem(yaml, option.seq, option.node)], false)],
      });
    }
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      const options = effectiveSecurityField(container, 'seLinuxOptions');
      const map = asMap(options?.value);
      if (!options || !map) continue;
      const problems: { pair: Pair; text: string }[] = [];
      for (const field of ['type', 'user', 'role']) {
        const found = yaml.lookup(map, field);
        const value = scalarString(found?.value);
        if (!found || !isScalar(found.value) || !value) continue;
        if (field === 'type' && ALLOWED_TYPES.has(value)) continue;
        problems.push({ pair: found.pair, text: `${field} "${value}"` });
      }
      if (problems.length === 0) continue;
      const where = options.level === 'pod' ? ' at pod level' : '';
      report({
        range: yaml.pairRange(problems[0].pair),
        message: `The ${containerLabel(container)} sets SELinux ${problems.map((p) => p.text).join(', ')}${where}; use no custom user or role and a type among ${[...ALLOWED_TYPES].join(', ')}.`,
      });
    }
  },
});
