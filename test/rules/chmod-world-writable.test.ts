import assert from 'node:assert/strict';
import { modeProblems } from '../../server/src/rules/chmod-world-writable';
import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';

describe('chmod mode reading', () => {
  const table: [string, string[]][] = [
    ['777', ['world-writable']], ['0777', ['world-writable']], ['666', ['world-writable']], ['757', ['world-writable']],
    ['1777', []], ['755', []], ['0644', []], ['775', []], ['4755', ['setuid']], ['2755', ['setuid']], ['6777', ['world-writable', 'setuid']],
    ['o+w', ['world-writable']], ['a+rwx', ['world-writable']], ['ugo=rwx', ['world-writable']], ['u+x,o+w', ['world-writable']],
    ['+w', []], ['o-w', []], ['u+s', ['setuid']], ['g+s', ['setuid']], ['+x', []], ['+t', []], ['a-s', []],
  ];
  for (const [mode, expected] of table) it(`${mode} → ${expected.join(', ') || 'fine'}`, () => assert.deepEqual(modeProblems(mode), expected));
});

ruleTester('chmod-world-writable', {
  valid: [
    { name: 'chmod 755', path: D, code: 'FROM debian:12\nRUN chmod 755 /usr/local/bin/app\n' },
    { name: 'sticky /tmp-like directory', path: D, code: 'FROM debian:12\nRUN mkdir -p /scratch && chmod 1777 /scratch\n' },
    { name: 'chmod +x', path: D, code: 'FROM debian:12\nRUN chmod +x /entrypoint.sh\n' },
    { name: 'chmod +w follows the umask', path: D, code: 'FROM debian:12\nRUN chmod -R +w /app\n' },
    { name: 'removing world write', path: D, code: 'FROM debian:12\nRUN chmod -R o-w /app\n' },
    { name: '777 in a string', path: D, code: 'FROM debian:12\nRUN echo "do not chmod 777 /app"\n' },
    { name: 'mode from a variable', path: D, code: 'FROM debian:12\nARG MODE\nRUN chmod $MODE /app\n' },
    { name: 'COPY --chmod=755', path: D, code: 'FROM debian:12\nCOPY --chmod=755 app /usr/local/bin/app\n' },
    { name: 'install -m is another command', path: D, code: 'FROM debian:12\nRUN install -m 755 app /usr/local/bin/\n' },
  ],
  invalid: [
    {
      name: 'chmod 777',
      path: D,
      code: 'FROM debian:12\nRUN chmod -R 777 /app\n',
      errors: [{ line: 2, column: 14, endColumn: 17, severity: 'warning', message: 'writable by every user' }],
      output: 'FROM debian:12\nRUN chmod -R 755 /app\n',
      safe: false,
    },
    { name: 'chmod 0666', path: D, code: 'FROM debian:12\nRUN chmod 0666 /app/data.db\n', errors: [{ line: 2, column: 11 }], output: 'FROM debian:12\nRUN chmod 0644 /app/data.db\n' },
    { name: 'chmod o+w: no fix', path: D, code: 'FROM debian:12\nRUN chmod o+w /app\n', errors: [{ line: 2, column: 11 }], output: null },
    { name: 'chmod a+rwx', path: D, code: 'FROM debian:12\nRUN chmod -R a+rwx /app\n', errors: [{ line: 2, column: 14 }] },
    { name: 'setuid u+s', path: D, code: 'FROM debian:12\nRUN chmod u+s /usr/bin/tool\n', errors: [{ line: 2, column: 11, message: 'setuid' }], output: null },
    { name: 'setuid 4755', path: D, code: 'FROM debian:12\nRUN chmod 4755 /usr/bin/tool\n', errors: [{ line: 2, column: 11, message: 'setuid' }] },
    { name: 'chmod behind sudo, in a continued RUN', path: D, code: 'FROM debian:12\nRUN mkdir /data \\\n && sudo chmod 777 /data\n', errors: [{ line: 3, column: 16 }], output: 'FROM debian:12\nRUN mkdir /data \\\n && sudo chmod 755 /data\n' },
    { name: 'COPY --chmod=777', path: D, code: 'FROM debian:12\nCOPY --chmod=777 app /app\n', errors: [{ line: 2, column: 14, endColumn: 17 }], output: 'FROM debian:12\nCOPY --chmod=755 app /app\n' },
  ],
});
