import { ruleTester } from '../helpers/rule-tester';

const pod = (podSc: string, containerSc: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podSc}  containers:\n    - name: app\n      image: x:1\n${containerSc}`;

ruleTester('selinux-disabled', {
  valid: [
    { name: 'compose label with a custom level', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["label=level:s0:c100,c200"]\n' },
    { name: 'compose: label:disable as a value of another option', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    labels: ["label:disable"]\n' },
    { name: 'k8s allowed type and level only', path: 'p.yaml', code: pod('  securityContext:\n    seLinuxOptions: {type: container_t, level: "s0:c123,c456"}\n', '') },
    { name: 'k8s container container_init_t overrides pod spc_t', path: 'p.yaml', code: pod('  securityContext:\n    seLinuxOptions: {type: spc_t}\n', '      securityContext:\n        seLinuxOptions:\n          type: container_init_t\n') },
  ],
  invalid: [
    {
      name: 'compose label:disable',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - label:disable\n',
      errors: [{ line: 5, column: 9, severity: 'warning' }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt:\n      []\n',
      safe: false,
    },
    {
      name: 'compose label=disable among others',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt: ["no-new-privileges:true", "label=disable"]\n',
      errors: [{ line: 4, column: 46 }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt: ["no-new-privileges:true"]\n',
    },
    {
      name: 'k8s pod-level spc_t: per container',
      path: 'p.yaml',
      code: pod('  securityContext:\n    seLinuxOptions:\n      type: spc_t\n', '  initContainers:\n    - name: init\n      image: x:1\n'),
      errors: [{ line: 8, column: 7, message: 'at pod level' }, { line: 8, column: 7, message: 'init container "init"' }],
    },
    {
      name: 'k8s container user and role',
      path: 'p.yaml',
      code: pod('', '      securityContext:\n        seLinuxOptions: {user: system_u, role: system_r}\n'),
      errors: [{ line: 10, column: 26, message: 'user "system_u", role "system_r"' }],
    },
  ],
});
