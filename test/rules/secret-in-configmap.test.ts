import { fake } from '../helpers/fake-secrets';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const cm = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n${data}`;
const pw = fake.password();

ruleTester('secret-in-configmap', {
  valid: [
    { name: 'ordinary settings', path: 'c.yaml', code: cm('  LOG_LEVEL: info\n  DB_HOST: db.internal\n  TOKEN_URL: https://auth.example.com/token\n') },
    { name: 'placeholder and templated values', path: 'c.yaml', code: cm('  DB_PASSWORD: changeme\n  API_TOKEN: "${API_TOKEN}"\n  SECRET_KEY: ""\n') },
    { name: '*_FILE points at a mounted secret', path: 'c.yaml', code: cm('  DB_PASSWORD_FILE: /run/secrets/db\n') },
    {
      name: 'embedded config without literal credentials; "key:" is an everyday word there',
      path: 'c.yaml',
      code: cm('  app.properties: |\n    db.user=app\n    db.password=${DB_PASSWORD}\n    cache.key=sessions\n  nginx.conf: |\n    auth_basic off;\n'),
    },
    { name: 'a Secret is not a ConfigMap', path: 's.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  DB_PASSWORD: ${pw}\n` },
  ],
  invalid: [
    {
      name: 'a key named like a secret with a literal value',
      path: 'c.yaml',
      code: cm(`  LOG_LEVEL: info\n  DB_PASSWORD: ${pw}\n`),
      errors: [{ line: 7, column: 3, endColumn: 14, severity: 'warning', message: 'holds a secret under "DB_PASSWORD"' }],
      output: null,
    },
    {
      name: 'assignments inside a config file value, one finding per entry',
      path: 'c.yaml',
      code: cm(`  application.properties: |\n    spring.datasource.username=app\n    spring.datasource.password=${pw}\n  settings.json: |\n    {"apiKey": "${pw}", "region": "eu"}\n  .env: |\n    export GITHUB_TOKEN=${pw}\n`),
      errors: [{ line: 6, column: 3, message: '"spring.datasource.password"' }, { line: 9, column: 3, message: '"apiKey"' }, { line: 11, column: 3, message: '"GITHUB_TOKEN"' }],
    },
  ],
});

describe('secret-in-configmap: messages never repeat the value', () => {
  it('does not include the password', () => {
    const found = findingsOf('secret-in-configmap', 'c.yaml', cm(`  DB_PASSWORD: ${pw}\n  app.ini: |\n    password = ${pw}\n`));
    if (found.length !== 2 || found.some((f) => f.message.includes(pw))) throw new Error(found.map((f) => f.message).join('\n'));
  });
});
