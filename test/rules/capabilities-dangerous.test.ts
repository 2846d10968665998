import assert from 'node:assert/strict';
import { fixTitles, fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x:1\n${sc}`;

ruleTester('capabilities-dangerous', {
  valid: [
    { name: 'compose baseline capability', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_add: [NET_BIND_SERVICE]\n' },
    { name: 'compose dropping SYS_ADMIN is fine', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_drop: [SYS_ADMIN, ALL]\n' },
    { name: 'compose interpolated entry', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_add: ["${EXTRA_CAP}"]\n' },
    { name: 'k8s drop ALL', path: 'p.yaml', code: pod('      securityContext:\n        capabilities:\n          drop: [ALL]\n') },
    { name: 'k8s capability named like a dangerous one but not', path: 'p.yaml', code: pod('      securityContext:\n        capabilities:\n          add: [SYS_ADMINS]\n') },
  ],
  invalid: [
    {
      name: 'compose SYS_ADMIN in a block list',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    cap_add:\n      - NET_BIND_SERVICE\n      - SYS_ADMIN\n',
      errors: [{ line: 6, column: 9, endColumn: 18, severity: 'error', message: 'SYS_ADMIN' }],
      output: 'services:\n  a:\n    image: x:1\n    cap_add:\n      - NET_BIND_SERVICE\n',
      safe: false,
    },
    {
      name: 'compose CAP_ prefix and lower case',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    cap_add: [cap_net_admin, Sys_Ptrace, all]\n',
      errors: [
        { line: 4, column: 15, message: 'NET_ADMIN' },
        { line: 4, column: 30, message: 'SYS_PTRACE' },
        { line: 4, column: 42, message: 'every capability (ALL)' },
      ],
      output: 'services:\n  a:\n    image: x:1\n    cap_add: [Sys_Ptrace, all]\n',
    },
    {
      name: 'compose inherited from an anchor: reported where written, for each service',
      path: 'compose.yaml',
      code: 'x-caps: &caps\n  cap_add: [NET_RAW]\nservices:\n  a:\n    <<: *caps\n  b:\n    <<: *caps\n',
      errors: [{ line: 2, column: 13 }, { line: 2, column: 13 }],
      output: 'x-caps: &caps\n  cap_add: []\nservices:\n  a:\n    <<: *caps\n  b:\n    <<: *caps\n',
      safe: false,
    },
    {
      name: 'k8s container capabilities.add',
      path: 'p.yaml',
      code: pod('      securityContext:\n        capabilities:\n          add: ["CAP_SYS_MODULE", "CHOWN"]\n'),
      errors: [{ line: 11, column: 17, severity: 'error', message: 'The container "app" adds the dangerous capability SYS_MODULE' }],
      output: pod('      securityContext:\n        capabilities:\n          add: ["CHOWN"]\n'),
    },
    {
      name: 'k8s every listed capability',
      path: 'p.yaml',
      code: pod('      securityContext:\n        capabilities:\n          add: [SYS_RAWIO, DAC_READ_SEARCH, BPF, PERFMON, SYS_BOOT, SYS_TIME, MAC_ADMIN]\n'),
      errors: [17, 28, 45, 50, 59, 69, 79].map((column) => ({ line: 11, column })),
    },
  ],
});

describe('capabilities-dangerous fixes', () => {
  it('compose: the remaining list reads back without the entry', () => {
    assert.deepEqual(fixedValue('capabilities-dangerous', 'compose.yaml', 'services:\n  a:\n    cap_add:\n      - CHOWN\n      - SYS_ADMIN # needed?\n      - KILL\n', ['services', 'a', 'cap_add']), ['CHOWN', 'KILL']);
  });
  it('compose: editing a shared anchor says so', () => {
    const code = 'x-caps: &caps\n  cap_add: [NET_RAW]\nservices:\n  a:\n    <<: *caps\n  b:\n    <<: *caps\n';
    assert.match(fixTitles('capabilities-dangerous', 'compose.yaml', code)[0], /edits the shared x-caps anchor/);
  });
});
