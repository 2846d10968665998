import { isScalar } from 'yaml';
import { quote, replaceScalar } from '../analysis/yaml-edit';
import { containerLabel, effectiveSecurityField } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

const NON_ROOT_USER = '10001:10001';

/** `root`, `0`, `root:anything`, `0:anything`. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name === 'root' || /^0+$/.test(name);
}

export default defineRule({
  meta: {
    id: 'user-root',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    byKind: { kubernetes: { severity: 'error' } },
    docs: {
      summary: 'Containers should not run as root.',
      aka: ['DL3002', 'CKV_DOCKER_8', 'DS-0002', 'KSV-0105'],
    },
    fixable: true,
  },
  dockerfile({ doc, report }) {
    const user = doc.finalUser();
    if (!user || !isRootUser(user.value)) return;
    const { range: args, value } = user;
    report({
      range: args,
      message: `The final stage runs as "${value}"; switch to a numeric non-root user such as ${NON_ROOT_USER}.`,
      fixes: [{ title: `Run as ${NON_ROOT_USER} instead (changes behaviour: the user needs access to the files it uses)`, edits: [{ range: args, newText: NON_ROOT_USER }], safe: false }],
    });
  },
  compose({ compose, report }) {
    for (const service of compose.services) {
      const found = service.get('user');
      const value = scalarString(found?.value);
      if (!found || value === undefined || !isScalar(found.value) || !isRootUser(value)) continue;
      report({
        range: compose.yaml.pairRange(found.pair),
        message: `Service "${service.name}" runs as "${value}"; set a numeric non-root user such as "${NON_ROOT_USER}".`,
        fixes: [{ title: `Run as "${NON_ROOT_USER}" instead (changes behaviour)`, edits: [replaceScalar(compose.yaml, found.value, quote(NON_ROOT_USER))], safe: false }],
      });
    }
  },
  kubernetes({ object, report }) {
    for (const container of object.podSpec?.containers ?? []) {
      const user = effectiveSecurityField(container, 'runAsUser');
      if (!user || !isScalar(user.value) || scalarString(user.value) === undefined || Number(user.value.value) !== 0) continue;
      const where = user.level === 'pod' ? ' (set at pod level)' : '';
      report({
        range: object.yaml.pairRange(user.pair),
        message: `The ${containerLabel(container)} runs as UID 0${where}; set runAsUser to a non-root UID such as 10001.`,
        fixes: [{ title: 'Set runAsUser: 10001 (changes behaviour)', edits: [replaceScalar(object.yaml, user.value, '10001')], safe: false }],
      });
    }
  },
});
