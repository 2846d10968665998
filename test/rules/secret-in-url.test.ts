import assert from 'node:assert/strict';
import { findUrlPasswords } from '../../server/src/analysis/url-credentials';
import { fake } from '../helpers/fake-secrets';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const pw = fake.password();
const col = (line: string, needle: string) => line.indexOf(needle) + 1;

describe('URL password detection', () => {
  for (const text of [
    'postgres://app:${DB_PASSWORD}@db/app',
    'postgres://app:$DB_PASSWORD@db/app',
    'postgres://app:$(DB_PASSWORD)@db/app',
    'postgres://app:{{ .Values.pw }}@db/app',
    'postgres://user:password@db/app',
    'redis://:<password>@cache:6379',
    'https://example.com:8443/path?a=b@c',
    'git@github.com:org/repo.git',
    'ssh://git@github.com/org/repo',
    'https://user@example.com/',
    'https://user:@example.com/',
    'amqp://guest:****@mq',
  ]) {
    it(`no literal password in ${text}`, () => assert.deepEqual(findUrlPasswords(text), []));
  }
  it('finds the password, not the user or host', () => {
    const text = `DATABASE_URL=postgres://app:${pw}@db.internal:5432/app`;
    const [m] = findUrlPasswords(text);
    assert.equal(text.slice(m.start, m.end), pw);
    assert.equal(m.host, 'db.internal');
  });
  it('finds an empty user (redis://:pass@host)', () => assert.equal(findUrlPasswords(`redis://:${pw}@cache:6379`).length, 1));
  it('leaves known credential formats to secret-value', () => assert.deepEqual(findUrlPasswords(`https://x-access-token:${fake.githubToken()}@github.com/o/r`), []));
  // Bounded, disjoint character classes: this returns at once (a backtracking pattern would hit the mocha timeout).
  it('handles hostile input', () => {
    const text = 'a://' + 'b:'.repeat(20000) + '\n' + 'x://' + 'y'.repeat(50000) + ':' + 'z'.repeat(50000);
    assert.deepEqual(findUrlPasswords(text), []);
  });
});

describe('secret-in-url messages', () => {
  it('never repeat the password', () => {
    const found = findingsOf('secret-in-url', 'Dockerfile', `FROM alpine:3.20\nENV DATABASE_URL=postgres://app:${pw}@db/app\n`);
    assert.equal(found.length, 1);
    assert.ok(!found[0].message.includes(pw));
  });
});

const dLine = `RUN psql "postgres://app:${pw}@db:5432/app" -c 'select 1'`;
const cLine = `      DATABASE_URL: postgres://app:${pw}@db:5432/app`;
const kLine = `          value: "postgres://app:${pw}@db:5432/app"`;

ruleTester('secret-in-url', {
  valid: [
    { name: 'a reference to a variable', path: 'Dockerfile', code: 'FROM alpine:3.20\nRUN psql "postgres://app:${DB_PASSWORD}@db/app"\n' },
    { name: 'a URL in a comment', path: 'Dockerfile', code: `FROM alpine:3.20\n# e.g. postgres://app:${pw}@db/app\n` },
    { name: 'compose interpolation', path: 'compose.yaml', code: 'services:\n  api:\n    image: api:1\n    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app\n' },
    { name: 'k8s $(VAR) expansion', path: 'pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      env:\n        - name: DATABASE_URL\n          value: postgres://app:$(DB_PASSWORD)@db/app\n' },
  ],
  invalid: [
    {
      name: 'Dockerfile RUN',
      path: 'Dockerfile',
      code: `FROM alpine:3.20\n${dLine}\n`,
      errors: [{ line: 2, column: col(dLine, pw), endColumn: col(dLine, pw) + pw.length, severity: 'error', message: 'postgres:// URL for db' }],
      output: null,
    },
    {
      name: 'Dockerfile ENV on a continued line with the escape directive',
      path: 'Dockerfile',
      code: `# escape=\`\nFROM alpine:3.20\nENV A=1 \`\n    URL=https://bot:${pw}@git.example.com/repo.git\n`,
      errors: [{ line: 4, column: col(`    URL=https://bot:${pw}`, pw) }],
    },
    {
      name: 'compose environment: password → ${API_PASSWORD}',
      path: 'compose.yaml',
      code: `services:\n  api:\n    image: api:1\n    environment:\n${cLine}\n`,
      errors: [{ line: 5, column: col(cLine, pw), severity: 'error' }],
      output: 'services:\n  api:\n    image: api:1\n    environment:\n      DATABASE_URL: "postgres://app:${API_PASSWORD}@db:5432/app"\n',
      safe: false,
    },
    {
      name: 'compose flow mapping stays valid YAML',
      path: 'compose.yaml',
      code: `services:\n  web-api:\n    image: api:1\n    environment: {DATABASE_URL: postgres://app:${pw}@db/app}\n`,
      errors: [{ line: 4, column: col(`    environment: {DATABASE_URL: postgres://app:${pw}`, pw) }],
      output: 'services:\n  web-api:\n    image: api:1\n    environment: {DATABASE_URL: "postgres://app:${WEB_API_PASSWORD}@db/app"}\n',
    },
    {
      name: 'compose list form in single quotes',
      path: 'compose.yaml',
      code: `services:\n  worker:\n    image: w:1\n    environment:\n      - 'BROKER=amqp://w:${pw}@mq'\n`,
      errors: [{ line: 5, column: col(`      - 'BROKER=amqp://w:${pw}`, pw) }],
      output: "services:\n  worker:\n    image: w:1\n    environment:\n      - 'BROKER=amqp://w:${WORKER_PASSWORD}@mq'\n",
    },
    {
      name: 'compose outside a service: reported, no fix',
      path: 'compose.yaml',
      code: `x-db: &db postgres://app:${pw}@db/app\nservices:\n  api:\n    image: api:1\n`,
      errors: [{ line: 1, column: col(`x-db: &db postgres://app:${pw}`, pw) }],
      output: null,
    },
    {
      name: 'k8s env value: the password comes from a Secret through $(VAR)',
      path: 'deploy.yaml',
      code: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: api:1\n          env:\n            - name: LOG_LEVEL\n              value: info\n            - name: DATABASE_URL\n    ${kLine}\n`,
      errors: [{ line: 15, column: col(`    ${kLine}`, pw) }],
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: api:1\n          env:\n            - name: LOG_LEVEL\n              value: info\n' +
        '            - name: APP_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: api-secrets\n                  key: app-password\n' +
        '            - name: DATABASE_URL\n              value: "postgres://app:$(APP_PASSWORD)@db:5432/app"\n',
      safe: false,
    },
    {
      name: 'k8s flow env list',
      path: 'pod.yaml',
      code: `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      env: [{name: URL, value: "https://u:${pw}@h/x"}]\n`,
      errors: [{ line: 8, column: col(`      env: [{name: URL, value: "https://u:${pw}`, pw) }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      env: [{name: A_PASSWORD, valueFrom: {secretKeyRef: {name: p-secrets, key: a-password}}}, {name: URL, value: "https://u:$(A_PASSWORD)@h/x"}]\n',
    },
    {
      name: 'k8s ConfigMap: reported, no fix (nothing expands there)',
      path: 'cm.yaml',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  url: https://u:${pw}@h/x\n`,
      errors: [{ line: 5, column: col(`  url: https://u:${pw}`, pw) }],
      output: null,
    },
  ],
});
