import { isMap, type Node, type YAMLSeq } from 'yaml';
import { isRbac } from '../analysis/rbac';
import { removeSeqItem } from '../analysis/yaml-edit';
import { scalarString, type YamlDoc } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { TextEdit } from '../engine/types';

const EVERYONE: Record<string, string> = {
  'system:anonymous': 'unauthenticated requests',
  'system:unauthenticated': 'unauthenticated requests',
  'system:authenticated': 'every authenticated user, including any service account',
};

export default defineRule({
  meta: {
    id: 'rbac-anonymous-subject',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Bindings to system:anonymous, system:unauthenticated or system:authenticated grant the role to everyone who can reach the API server.',
      aka: ['KSV-0122', 'kubesec BindingsToSystemAnonymous'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    if (!isRbac(object, ['RoleBinding', 'ClusterRoleBinding'])) return;
    const { yaml } = object;
    const subjects = yaml.getSeq(object.map, 'subjects');
    for (const subject of yaml.items(subjects)) {
      if (!isMap(subject)) continue;
      const found = yaml.lookup(subject, 'name');
      const name = scalarString(found?.value);
      if (!found || !name || !(name in EVERYONE)) continue;
      const own = subjects!.items.includes(subject);
      report({
        range: yaml.pairRange(found.pair),
        message: `${object.kind} "${object.name ?? '?'}" grants its role to ${name} (${EVERYONE[name]}); bind named users, groups or service accounts instead.`,
        fixes: own ? [{ title: `Remove the ${name} subject (changes behaviour: those requests lose the role)`, edits: [removeSubject(yaml, subjects!, subject)], safe: false }] : [],
      });
    }
  },
});

/** The last subject leaves `[]` behind, keeping the line break that followed the list. */
function removeSubject(yaml: YamlDoc, subjects: YAMLSeq, subject: Node): TextEdit {
  if (subjects.items.length > 1 || subjects.flow) return removeSeqItem(yaml, subjects, subject);
  const [start, end] = subjects.range ?? [0, 0];
  let to = end;
  while (to > start && /\s/.test(yaml.lines.text[to - 1])) to--;
  return { range: yaml.lines.rangeOf(start, to), newText: '[]' };
}
