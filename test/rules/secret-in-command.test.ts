import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import { fake } from '../helpers/fake-secrets';
import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';
const pw = fake.password();
const token = fake.npmToken();
const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: app\n      image: x:1\n${container}`;

ruleTester('secret-in-command', {
  valid: [
    { name: 'docker login --password-stdin', path: D, code: 'FROM docker:27\nRUN --mount=type=secret,id=hub,env=HUB_TOKEN echo "$HUB_TOKEN" | docker login -u me --password-stdin\n' },
    { name: 'password from a variable', path: D, code: 'FROM debian:12\nARG DB_PASSWORD\nRUN mysql -u root --password=$DB_PASSWORD -e "select 1"\n' },
    { name: 'RUN with a secret mount is skipped', path: D, code: `FROM debian:12\nRUN --mount=type=secret,id=aws aws configure set aws_secret_access_key ${pw}\n` },
    { name: 'curl -u user only (prompts)', path: D, code: 'FROM debian:12\nRUN curl -u admin https://x/\n' },
    { name: 'a placeholder', path: D, code: 'FROM debian:12\nRUN tool --password=changeme\n' },
    { name: 'the command inside a string', path: D, code: `FROM debian:12\nRUN echo "use: docker login -p ${pw}" > /HELP\n` },
    { name: 'npmrc from a variable', path: D, code: 'FROM node:22\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc\n' },
    { name: 'chpasswd from a variable', path: D, code: 'FROM debian:12\nARG PW\nRUN echo "app:$PW" | chpasswd\n' },
    { name: 'compose command with an env reference', path: 'compose.yaml', code: 'services:\n  db:\n    command: ["mysqld", "--password=${DB_PASSWORD}"]\n' },
    { name: 'k8s args from env var expansion', path: 'p.yaml', code: pod('      args: ["--token=$(API_TOKEN)"]\n') },
  ],
  invalid: [
    { name: 'aws configure set', path: D, code: `FROM amazon/aws-cli:2.17.0\nRUN aws configure set aws_secret_access_key ${pw}\n`, errors: [{ line: 2, column: 45, severity: 'error', message: 'aws configure set aws_secret_access_key' }], output: null },
    { name: 'docker login -p', path: D, code: `FROM docker:27\nRUN docker login -u me -p ${pw} registry.example.com\n`, errors: [{ line: 2, column: 27, message: 'docker login -p' }] },
    { name: 'curl -u user:pass', path: D, code: `FROM debian:12\nRUN curl -fsSL -u admin:${pw} https://x/a -o a\n`, errors: [{ line: 2, column: 19 }] },
    { name: '--password=literal', path: D, code: `FROM debian:12\nRUN mysqladmin --user=root --password=${pw} status\n`, errors: [{ line: 2, column: 28 }] },
    { name: '--token=literal in a continued RUN', path: D, code: `FROM debian:12\nRUN set -e \\\n && tool publish --token="${token}"\n`, errors: [{ line: 3, column: 18 }] },
    { name: 'echo | chpasswd', path: D, code: `FROM debian:12\nRUN echo 'root:${pw}' | chpasswd\n`, errors: [{ line: 2, column: 10, message: 'chpasswd' }] },
    { name: 'echo _authToken > .npmrc', path: D, code: `FROM node:22\nRUN echo "//registry.npmjs.org/:_authToken=${token}" > ~/.npmrc && npm ci\n`, errors: [{ line: 2, column: 10, message: '.npmrc' }] },
    { name: 'npm config set _authToken', path: D, code: `FROM node:22\nRUN npm config set //registry.npmjs.org/:_authToken ${token}\n`, errors: [{ line: 2, column: 53 }] },
    { name: 'mysql -p<password>', path: D, code: `FROM mysql:8.4\nRUN mysql -uroot -p${pw} -e "select 1"\n`, errors: [{ line: 2, column: 18 }] },
    { name: 'compose command string', path: 'compose.yaml', code: `services:\n  app:\n    command: tool --password=${pw}\n`, errors: [{ line: 3, column: 19, severity: 'error' }] },
    { name: 'compose command list', path: 'compose.yaml', code: `services:\n  app:\n    command: ["docker", "login", "-p", "${pw}"]\n`, errors: [{ line: 3, column: 40 }] },
    { name: 'compose sh -c script', path: 'compose.yaml', code: `services:\n  app:\n    entrypoint: ["sh", "-c"]\n    command: ["curl -u admin:${pw} http://x && exec app"]\n`, errors: [{ line: 4, column: 24 }] },
    { name: 'k8s command + args', path: 'p.yaml', code: pod(`      command: ["/bin/sh", "-c"]\n      args:\n        - aws configure set aws_secret_access_key ${pw} && exec app\n`), errors: [{ line: 11, column: 51 }] },
    { name: 'k8s args list', path: 'p.yaml', code: pod(`      args: ["--api-key=${pw}"]\n`), errors: [{ line: 9, column: 14 }] },
  ],
});

describe('secret-in-command messages', () => {
  it('never repeat the value', () => {
    for (const [code, path] of [
      [`FROM debian:12\nRUN docker login -p ${pw}\n`, 'Dockerfile'],
      [`services:\n  a:\n    command: tool --password=${pw}\n`, 'compose.yaml'],
    ]) {
      const findings = lint(code, { path }).findings.filter((f) => f.ruleId === 'secret-in-command');
      assert.equal(findings.length, 1);
      assert.ok(!findings[0].message.includes(pw));
    }
  });
});
