import { ruleTester } from '../helpers/rule-tester';

const pod = (podSc: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podSc}  containers:\n    - name: app\n      image: x:1\n`;

ruleTester('sysctls-unsafe', {
  valid: [
    { name: 'compose safe sysctls (map)', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    sysctls:\n      net.ipv4.ip_unprivileged_port_start: 0\n      net.ipv4.tcp_keepalive_time: 600\n' },
    { name: 'compose safe sysctls (list, slash separator)', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    sysctls:\n      - net/ipv4/tcp_syncookies=1\n      - kernel.shm_rmid_forced=1\n' },
    { name: 'compose interpolated name', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    sysctls: ["${SYSCTL}=1"]\n' },
    { name: 'k8s safe sysctls', path: 'p.yaml', code: pod('  securityContext:\n    sysctls:\n      - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}\n') },
  ],
  invalid: [
    {
      name: 'compose map form',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    sysctls:\n      net.core.somaxconn: 1024\n      net.ipv4.tcp_syncookies: 0\n',
      errors: [{ line: 5, column: 7, endColumn: 25, severity: 'warning', message: 'net.core.somaxconn' }],
      output: 'services:\n  a:\n    image: x:1\n    sysctls:\n      net.ipv4.tcp_syncookies: 0\n',
      safe: false,
    },
    {
      name: 'compose list form',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    sysctls:\n      - kernel.msgmax=65536\n      - net.ipv4.ip_forward=1\n',
      errors: [{ line: 5, column: 9 }, { line: 6, column: 9, message: 'net.ipv4.ip_forward' }],
      output: 'services:\n  a:\n    image: x:1\n    sysctls:\n      - net.ipv4.ip_forward=1\n',
    },
    {
      name: 'k8s pod sysctls',
      path: 'p.yaml',
      code: pod('  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n      - name: kernel.msgmax\n        value: "65536"\n'),
      errors: [{ line: 10, column: 15, message: 'kernel.msgmax' }],
      output: pod('  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n'),
      safe: false,
    },
  ],
});
