import assert from 'node:assert/strict';
import { isSecretName, isLiteralSecretValue } from '../../server/src/analysis/secrets';
import { lint } from '../../server/src/engine/lint';
import { fake } from '../helpers/fake-secrets';
import { ruleTester } from '../helpers/rule-tester';

const pw = fake.password();
const pod = (env: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: app\n      image: x:1\n      env:\n${env}`;

describe('secret name gate', () => {
  const secret = ['DB_PASSWORD', 'apiKey', 'API_KEY', 'GITHUB_TOKEN', 'client-secret', 'AWS_ACCESS_KEY_ID', 'MYSQL_ROOT_PASSWORD', 'privKey', 'APIKey', 'auth.token'];
  const notSecret = ['DB_PASSWORD_FILE', 'PUBLIC_KEY', 'TOKEN_URL', 'AUTH_ENDPOINT', 'KEY_PATH', 'PASSWORD_LENGTH', 'SECRET_NAME', 'NODE_ENV', 'KEYCLOAK_URL', 'PASSPORT', 'tokenizer', 'BYPASS'];
  for (const name of secret) it(`${name} is a secret name`, () => assert.ok(isSecretName(name)));
  for (const name of notSecret) it(`${name} is not`, () => assert.ok(!isSecretName(name)));
  it('well-known names win over the allow-list (AWS_ACCESS_KEY_ID has "id")', () => assert.ok(isSecretName('AWS_ACCESS_KEY_ID')));
});

describe('secret value gate', () => {
  for (const v of ['${DB_PASSWORD}', '$DB_PASSWORD', '$(DB_PASSWORD)', '{{ .Values.pw }}', '', 'changeme', 'CHANGE_ME', 'xxxxxx', '<your-password>', 'your_token_here', 'true', 'false', 'example', 'dummy', 'REPLACE_ME', '3600', '****']) {
    it(`${JSON.stringify(v)} is not a literal secret`, () => assert.ok(!isLiteralSecretValue(v)));
  }
  for (const v of ['hunter2', 's3cr3t-pa55', '12345678901']) it(`${v} is`, () => assert.ok(isLiteralSecretValue(v)));
});

ruleTester('secret-in-env', {
  valid: [
    { name: 'a _FILE variable is the recommended pattern', path: 'Dockerfile', code: 'FROM a:1\nENV DB_PASSWORD_FILE=/run/secrets/db\n' },
    { name: 'an allow-listed segment', path: 'Dockerfile', code: 'FROM a:1\nENV TOKEN_URL=https://auth.example.com/token\n' },
    { name: 'compose reference', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n' },
    { name: 'compose list with reference', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      - DB_PASSWORD=${DB_PASSWORD:?set it}\n      - API_KEY\n' },
    { name: 'compose placeholder', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      DB_PASSWORD: changeme\n' },
    { name: 'compose $$ escaping a variable reference', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      DB_PASSWORD: $${VAULT_PASSWORD}\n' },
    { name: 'k8s valueFrom', path: 'p.yaml', code: pod('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n') },
    { name: 'k8s empty value', path: 'p.yaml', code: pod('        - name: DB_PASSWORD\n          value: ""\n') },
  ],
  invalid: [
    {
      name: 'ARG without default: warning',
      path: 'Dockerfile',
      code: 'FROM a:1\nARG NPM_TOKEN\n',
      errors: [{ line: 2, column: 5, endColumn: 14, severity: 'warning' }],
      output: null,
    },
    {
      name: 'ENV with a literal: error',
      path: 'Dockerfile',
      code: `FROM a:1\nENV APP=x DB_PASSWORD=${pw}\n`,
      errors: [{ line: 2, column: 11, severity: 'error' }],
    },
    {
      name: 'ARG used by RUN becomes a secret mount',
      path: 'Dockerfile',
      code: 'FROM node:22\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node:22\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      safe: false,
    },
    {
      name: 'compose map literal',
      path: 'compose.yaml',
      code: `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${pw}\n`,
      errors: [{ line: 5, column: 7, severity: 'error' }],
      output: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}"\n',
    },
    {
      name: 'compose list literal',
      path: 'compose.yaml',
      code: `services:\n  db:\n    environment:\n      - "POSTGRES_PASSWORD=${pw}"\n`,
      errors: [{ line: 4, column: 10, endColumn: 27 }],
      output: 'services:\n  db:\n    environment:\n      - "POSTGRES_PASSWORD=${POSTGRES_PASSWORD}"\n',
    },
    {
      name: 'compose default that is a literal secret',
      path: 'compose.yaml',
      code: `services:\n  db:\n    environment:\n      DB_PASSWORD: \${DB_PASSWORD:-${pw}}\n`,
      errors: [{ line: 4, column: 7 }],
    },
    {
      name: 'compose build args',
      path: 'compose.yaml',
      code: `services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${pw}\n`,
      errors: [{ line: 6, column: 9 }],
    },
    {
      name: 'k8s literal value',
      path: 'p.yaml',
      code: pod(`        - name: DB_PASSWORD\n          value: ${pw}\n`),
      errors: [{ line: 10, column: 17, endColumn: 28, severity: 'error' }],
      output: pod('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: api-secrets\n              key: db-password\n'),
    },
  ],
});

describe('secret-in-env messages', () => {
  it('never repeat the value', () => {
    const texts = [
      [`FROM a:1\nENV DB_PASSWORD=${pw}\n`, 'Dockerfile'],
      [`services:\n  a:\n    environment:\n      DB_PASSWORD: ${pw}\n`, 'compose.yaml'],
      [pod(`        - name: DB_PASSWORD\n          value: ${pw}\n`), 'p.yaml'],
    ];
    for (const [code, path] of texts) {
      const findings = lint(code, { path }).findings.filter((f) => f.ruleId === 'secret-in-env');
      assert.equal(findings.length, 1);
      assert.ok(!findings[0].message.includes(pw));
      assert.ok(!findings[0].fixes.some((f) => f.title.includes(pw)));
    }
  });
});
