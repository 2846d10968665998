import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const binding = (subjects: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n${subjects}`;

ruleTester('rbac-anonymous-subject', {
  valid: [
    { name: 'named subjects', path: 'b.yaml', code: binding('  - kind: Group\n    name: system:masters-readers\n    apiGroup: rbac.authorization.k8s.io\n  - kind: ServiceAccount\n    name: ci\n    namespace: tools\n') },
    { name: 'system:serviceaccounts is a different group', path: 'b.yaml', code: binding('  - {kind: Group, name: "system:serviceaccounts:tools", apiGroup: rbac.authorization.k8s.io}\n') },
  ],
  invalid: [
    {
      name: 'anonymous user removed, other subjects kept',
      path: 'b.yaml',
      code: binding('  - kind: ServiceAccount # ci\n    name: ci\n    namespace: tools\n  - kind: User\n    name: system:anonymous\n    apiGroup: rbac.authorization.k8s.io\n'),
      errors: [{ line: 11, column: 5, endColumn: 27, severity: 'error', message: 'system:anonymous (unauthenticated requests)' }],
      output: binding('  - kind: ServiceAccount # ci\n    name: ci\n    namespace: tools\n'),
      safe: false,
    },
    {
      name: 'flow subjects, RoleBinding, system:authenticated',
      path: 'b.yaml',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: x}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects: [{kind: Group, name: "system:authenticated"}, {kind: User, name: alice}]\n',
      errors: [{ line: 5, column: 26, message: 'every authenticated user' }],
      output: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: x}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects: [{kind: User, name: alice}]\n',
    },
    {
      name: 'the only subject: an empty list remains',
      path: 'b.yaml',
      code: binding('  - kind: Group\n    name: system:unauthenticated\n'),
      errors: [{ line: 8, column: 5 }],
      output: binding('  []\n'),
    },
  ],
});

describe('rbac-anonymous-subject: the fixed YAML reads back as intended', () => {
  it('only the named subjects remain', () => {
    const code = binding('  - {kind: User, name: alice}\n  - kind: Group\n    name: system:unauthenticated\n  - kind: Group # ops\n    name: ops\n');
    const [finding] = findingsOf('rbac-anonymous-subject', 'b.yaml', code);
    const doc = parseDocument(applyEdits(code, finding.fixes[0].edits));
    assert.deepEqual(doc.errors, []);
    assert.deepEqual((doc.get('subjects') as { toJSON(): unknown }).toJSON(), [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'ops' }]);
  });
});
