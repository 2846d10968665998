import { ruleTester } from '../helpers/rule-tester';

ruleTester('tmpfs-exec', {
  valid: [
    { name: 'plain tmpfs', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    tmpfs: /tmp\n' },
    { name: 'noexec and nosuid', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    tmpfs:\n      - /run:noexec,nosuid,size=64m\n      - /tmp:mode=1777\n' },
    { name: 'an option merely containing exec', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    tmpfs: ["/cache:noexec"]\n' },
  ],
  invalid: [
    {
      name: 'exec in a list',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    tmpfs:\n      - /tmp:rw,exec,size=64m\n',
      errors: [{ line: 5, column: 9, endColumn: 30, severity: 'info', message: 'with exec' }],
      output: null,
    },
    {
      name: 'a single string with suid and exec',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    tmpfs: "/run:suid,EXEC"\n',
      errors: [{ line: 4, column: 12, message: 'suid and exec' }],
    },
  ],
});
