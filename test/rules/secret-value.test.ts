import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import { fake } from '../helpers/fake-secrets';
import { ruleTester } from '../helpers/rule-tester';

const formats = Object.entries(fake).filter(([k]) => k !== 'password');

ruleTester('secret-value', {
  valid: [
    { name: 'AWS documented example key', path: 'Dockerfile', code: 'FROM a:1\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' },
    { name: 'placeholder token body', path: 'Dockerfile', code: 'FROM a:1\n# token: ghp_' + 'x'.repeat(36) + '\n' },
    { name: 'a prefix alone', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    environment:\n      PREFIX: ghp_\n' },
    { name: 'sk- that is not a key', path: 'Dockerfile', code: 'FROM a:1\nRUN echo sk-learn\n' },
    { name: 'interpolated value', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      GITHUB_TOKEN: ${GITHUB_TOKEN}\n' },
  ],
  invalid: [
    ...formats.map(([name, make]) => ({
      name: `${name} in a Dockerfile RUN`,
      path: 'Dockerfile',
      code: `FROM a:1\nRUN echo "${make()}" > /tmp/x\n`,
      errors: [{ line: 2, column: 11, severity: 'error' as const }],
    })),
    {
      name: 'in a Kubernetes env value',
      path: 'p.yaml',
      code: `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      env:\n        - name: CONFIG\n          value: "${fake.githubToken()}"\n`,
      errors: [{ line: 10, column: 19, endColumn: 59 }],
    },
    {
      name: 'in a compose command',
      path: 'compose.yaml',
      code: `services:\n  a:\n    image: x:1\n    command: ["--token", "${fake.slackToken()}"]\n`,
      errors: [{ line: 4, column: 27 }],
    },
  ],
});

describe('secret-value messages', () => {
  it('never repeat the secret', () => {
    for (const [, make] of formats) {
      const secret = make();
      const result = lint(`FROM a:1\nENV X="${secret}"\n`, { path: 'Dockerfile' });
      const messages = result.findings.map((f) => f.message).join('\n');
      assert.ok(result.findings.some((f) => f.ruleId === 'secret-value'), `detected ${secret.slice(0, 4)}…`);
      assert.ok(!messages.includes(secret) && !messages.includes(secret.slice(4, 20)), 'message does not contain the secret');
    }
  });
});
