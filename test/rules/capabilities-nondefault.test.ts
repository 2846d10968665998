import { ruleTester } from '../helpers/rule-tester';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x:1\n${sc}`;

ruleTester('capabilities-nondefault', {
  valid: [
    { name: 'compose baseline set, any case and prefix', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_add: [net_bind_service, CAP_CHOWN, Kill, SETUID, SETGID]\n' },
    { name: 'compose dangerous ones belong to capabilities-dangerous', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_add: [SYS_ADMIN, NET_RAW]\n' },
    { name: 'compose cap_drop is not judged', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_drop: [SYS_NICE]\n' },
    { name: 'k8s baseline add', path: 'p.yaml', code: pod('      securityContext:\n        capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}\n') },
  ],
  invalid: [
    {
      name: 'compose SYS_NICE',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    cap_add:\n      - CHOWN\n      - CAP_SYS_NICE\n',
      errors: [{ line: 6, column: 9, severity: 'warning', message: 'SYS_NICE' }],
      output: 'services:\n  a:\n    image: x:1\n    cap_add:\n      - CHOWN\n',
      safe: false,
    },
    {
      name: 'compose IPC_LOCK and SYS_RESOURCE',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    cap_add: [ipc_lock, SYS_RESOURCE]\n',
      errors: [{ line: 4, column: 15 }, { line: 4, column: 25 }],
      output: 'services:\n  a:\n    image: x:1\n    cap_add: [SYS_RESOURCE]\n',
    },
    {
      name: 'k8s LINUX_IMMUTABLE in an init container',
      path: 'p.yaml',
      code: pod('  initContainers:\n    - name: init\n      image: x:1\n      securityContext:\n        capabilities:\n          add:\n            - LINUX_IMMUTABLE\n'),
      errors: [{ line: 15, column: 15, message: 'init container "init"' }],
      output: pod('  initContainers:\n    - name: init\n      image: x:1\n      securityContext:\n        capabilities:\n          add:\n            []\n'),
    },
  ],
});
