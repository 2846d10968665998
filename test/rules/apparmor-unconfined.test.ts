import assert from 'node:assert/strict';
import { fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const pod = (annotations: string, podSc: string, containerSc: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${annotations}spec:\n${podSc}  containers:\n    - name: app\n      image: x:1\n${containerSc}`;

ruleTester('apparmor-unconfined', {
  valid: [
    { name: 'compose custom AppArmor profile', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["apparmor:docker-default"]\n' },
    { name: 'compose seccomp:unconfined is another rule', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["seccomp:unconfined"]\n' },
    { name: 'k8s RuntimeDefault at pod level', path: 'p.yaml', code: pod('', '  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\n', '') },
    { name: 'k8s container Localhost overrides pod Unconfined', path: 'p.yaml', code: pod('', '  securityContext:\n    appArmorProfile: {type: Unconfined}\n', '      securityContext:\n        appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}\n') },
    { name: 'k8s annotation for another container name', path: 'p.yaml', code: pod('  annotations:\n    container.apparmor.security.beta.kubernetes.io/other: unconfined\n', '', '') },
  ],
  invalid: [
    {
      name: 'compose apparmor:unconfined',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - apparmor:unconfined\n      - label:disable\n',
      errors: [{ line: 5, column: 9, severity: 'error' }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - label:disable\n',
      safe: false,
    },
    {
      name: 'compose apparmor=unconfined',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt: [apparmor=unconfined]\n',
      errors: [{ line: 4, column: 20 }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt: []\n',
    },
    {
      name: 'k8s container appArmorProfile Unconfined',
      path: 'p.yaml',
      code: pod('', '', '      securityContext:\n        appArmorProfile:\n          type: Unconfined\n'),
      errors: [{ line: 11, column: 11, severity: 'error' }],
      output: pod('', '', '      securityContext:\n        appArmorProfile:\n          type: RuntimeDefault\n'),
      safe: false,
    },
    {
      name: 'k8s pod-level Unconfined',
      path: 'p.yaml',
      code: pod('', '  securityContext:\n    appArmorProfile: {type: Unconfined}\n', ''),
      errors: [{ line: 7, column: 23, message: 'set at pod level' }],
    },
    {
      name: 'k8s container annotation',
      path: 'p.yaml',
      code: pod('  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n', '', ''),
      errors: [{ line: 6, column: 5 }],
      output: pod('  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n', '', ''),
    },
    {
      name: 'k8s Deployment template annotation',
      path: 'd.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/web: "unconfined"\n    spec:\n      containers: [{name: web, image: "x:1"}]\n',
      errors: [{ line: 8, column: 9 }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/web: runtime/default\n    spec:\n      containers: [{name: web, image: "x:1"}]\n',
    },
  ],
});

describe('apparmor-unconfined fixes', () => {
  it('the container profile reads back RuntimeDefault', () => {
    assert.equal(fixedValue('apparmor-unconfined', 'p.yaml', pod('', '', '      securityContext: {appArmorProfile: {type: Unconfined}}\n'), ['spec', 'containers', 0, 'securityContext', 'appArmorProfile', 'type']), 'RuntimeDefault');
  });
});
