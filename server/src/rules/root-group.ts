import { isScalar, type Scalar } from 'yaml';
import { composeFix } from '../analysis/compose-fix';
import { isInterpolated } from '../analysis/compose-values';
import { quote, replaceScalar } from '../analysis/yaml-edit';
import { containerLabel, effectiveSecurityField } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import { isRootUser } from './user-root';

const GROUP = '10001';

function isRootGroup(text: string | undefined): boolean {
  const g = text?.trim();
  return g !== undefined && (g === 'root' || /^0+$/.test(g));
}

export default defineRule({
  meta: {
    id: 'root-group',
    kinds: ['compose', 'kubernetes'],
    profile: 'strict',
    severity: 'warning',
    docs: {
      summary: 'Running with the root group (GID 0) gives the process access to every file the root group can read or write.',
      aka: ['KSV-0116'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const found = service.get('user');
      const value = scalarString(found?.value);
      if (!found || !value || !isScalar(found.value) || isInterpolated(value)) continue;
      const colon = value.indexOf(':');
      if (colon < 0 || !isRootGroup(value.slice(colon + 1))) continue;
      // `root:root` / `0:0` is `user-root`'s finding, and its fix replaces the group too.
      if (isRootUser(value)) continue;
      const fixed = `${value.slice(0, colon)}:${GROUP}`;
      report({
        range: yaml.pairRange(found.pair),
        message: `Service "${service.name}" runs with the root group (user: "${value}"); use a non-zero group such as ${GROUP}.`,
        fixes: [composeFix(compose, `Use the group ${GROUP} (user: "${fixed}"; changes behaviour: files owned by group 0 are no longer accessible)`, [replaceScalar(yaml, found.value, quote(fixed))], false)],
      });
    }
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    const fix = (node: Scalar) => [{ title: `Use the group ${GROUP} (changes behaviour: files owned by group 0 are no longer accessible)`, edits: [replaceScalar(yaml, node, GROUP)], safe: false }];
    for (const container of pod.containers) {
      const group = effectiveSecurityField(container, 'runAsGroup');
      if (!group || !isScalar(group.value) || !isRootGroup(scalarString(group.value))) continue;
      report({
        range: yaml.pairRange(group.pair),
        message: `The ${containerLabel(container)} runs with the root group (runAsGroup: 0${group.level === 'pod' ? ', set at pod level' : ''}); use a non-zero group such as ${GROUP}.`,
        fixes: fix(group.value),
      });
    }
    const fsGroup = yaml.lookup(pod.securityContext, 'fsGroup');
    if (fsGroup && isScalar(fsGroup.value) && isRootGroup(scalarString(fsGroup.value))) {
      report({
        range: yaml.pairRange(fsGroup.pair),
        message: `The pod's volumes are owned by the root group (fsGroup: 0); use a non-zero group such as ${GROUP}.`,
        fixes: fix(fsGroup.value),
      });
    }
    for (const item of yaml.items(yaml.getSeq(pod.securityContext, 'supplementalGroups'))) {
      if (!isScalar(item) || !isRootGroup(scalarString(item))) continue;
      report({
        range: yaml.range(item),
        message: `The pod's processes join the root group (supplementalGroups has 0); remove it or use a non-zero group such as ${GROUP}.`,
        fixes: fix(item),
      });
    }
  },
});
