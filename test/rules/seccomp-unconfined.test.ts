import assert from 'node:assert/strict';
import { fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const deployment = (annotations: string, podSc: string, containers: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n${annotations}    spec:\n${podSc}      containers:\n${containers}`;
const app = '        - name: app\n          image: x:1\n';

ruleTester('seccomp-unconfined', {
  valid: [
    { name: 'compose custom profile', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["seccomp=./profile.json"]\n' },
    { name: 'compose no security_opt', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n' },
    { name: 'k8s RuntimeDefault at pod level', path: 'd.yaml', code: deployment('      labels: {app: web}\n', '      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n', app) },
    {
      name: 'k8s container RuntimeDefault overrides a pod Unconfined',
      path: 'd.yaml',
      code: deployment('      labels: {app: web}\n', '      securityContext:\n        seccompProfile: {type: Unconfined}\n', `${app}          securityContext:\n            seccompProfile:\n              type: RuntimeDefault\n`),
    },
    {
      name: 'k8s container annotation runtime/default overrides the pod annotation',
      path: 'd.yaml',
      code: deployment('      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: unconfined\n        container.seccomp.security.alpha.kubernetes.io/app: runtime/default\n', '', app),
    },
    { name: 'k8s annotation on the Deployment itself is not the pod template', path: 'd.yaml', code: deployment('      labels: {app: web}\n', '', app).replace('  name: web\n', '  name: web\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n') },
  ],
  invalid: [
    {
      name: 'compose seccomp:unconfined',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:unconfined\n',
      errors: [{ line: 6, column: 9, endColumn: 27, severity: 'error' }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n',
      safe: false,
    },
    {
      name: 'compose seccomp=unconfined',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt: ["seccomp=unconfined", "apparmor=docker-default"]\n',
      errors: [{ line: 4, column: 20 }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt: ["apparmor=docker-default"]\n',
    },
    {
      name: 'k8s pod-level Unconfined: one finding per container',
      path: 'd.yaml',
      code: deployment('      labels: {app: web}\n', '      securityContext:\n        seccompProfile:\n          type: Unconfined\n', `${app}        - name: side\n          image: y:1\n`),
      errors: [{ line: 12, column: 11, message: 'set at pod level' }, { line: 12, column: 11, message: 'container "side"' }],
      output: deployment('      labels: {app: web}\n', '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n', `${app}        - name: side\n          image: y:1\n`),
      safe: false,
    },
    {
      name: 'k8s container Unconfined',
      path: 'd.yaml',
      code: deployment('      labels: {app: web}\n', '', `${app}          securityContext: {seccompProfile: {type: Unconfined}}\n`),
      errors: [{ line: 13, column: 46 }],
      output: deployment('      labels: {app: web}\n', '', `${app}          securityContext: {seccompProfile: {type: RuntimeDefault}}\n`),
    },
    {
      name: 'k8s legacy pod annotation',
      path: 'd.yaml',
      code: deployment('      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: unconfined\n', '', app),
      errors: [{ line: 9, column: 9, message: 'annotation seccomp.security.alpha.kubernetes.io/pod' }],
      output: deployment('      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: runtime/default\n', '', app),
    },
    {
      name: 'k8s legacy container annotation on a Pod',
      path: 'p.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    container.seccomp.security.alpha.kubernetes.io/app: unconfined\nspec:\n  containers:\n    - name: app\n      image: x:1\n    - name: ok\n      image: x:1\n',
      errors: [{ line: 6, column: 5 }],
    },
  ],
});

describe('seccomp-unconfined fixes', () => {
  it('the pod-level profile reads back RuntimeDefault', () => {
    const code = deployment('      labels: {app: web}\n', '      securityContext:\n        seccompProfile:\n          type: Unconfined # for strace\n', app);
    assert.equal(fixedValue('seccomp-unconfined', 'd.yaml', code, ['spec', 'template', 'spec', 'securityContext', 'seccompProfile', 'type']), 'RuntimeDefault');
  });
});
