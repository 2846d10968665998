import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fake } from '../helpers/fake-secrets';
import { LspClient } from '../helpers/lsp-client';

/**
 * Secrets found are never written out in clear text: not in the CLI's text, JSON or SARIF output,
 * not in the server's diagnostics, fixes, hovers or log. Messages name the key and the rule, never
 * the value. The fake secrets are assembled at run time (test/helpers/fake-secrets.ts).
 */
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

const secrets = {
  github: fake.githubToken(),
  aws: fake.awsKeyId(),
  gitlab: fake.gitlabToken(),
  slack: fake.slackToken(),
  stripe: fake.stripeKey(),
  google: fake.googleKey(),
  npm: fake.npmToken(),
  docker: fake.dockerHubToken(),
  jwt: fake.jwt(),
  password: fake.password(),
};

const files: Record<string, string> = {
  Dockerfile: [
    'FROM nginx:1.27',
    `ENV GITHUB_TOKEN=${secrets.github}`,
    `ARG AWS_ACCESS_KEY_ID=${secrets.aws}`,
    `ENV DB_PASSWORD="${secrets.password}"`,
    `RUN curl -fsSL https://deploy:${secrets.password}@git.example.com/repo.tar.gz | tar -x`,
    `RUN echo "//registry.npmjs.org/:_authToken=${secrets.npm}" > ~/.npmrc`,
    `RUN docker login -u me -p ${secrets.docker} registry.example.com`,
    `LABEL session="${secrets.jwt}"`,
    'USER 10001',
    '',
  ].join('\n'),
  'compose.yaml': [
    'services:',
    '  web:',
    `    image: deploy:${secrets.password}@registry.example.com/app:1.0`,
    '    environment:',
    `      SLACK_TOKEN: ${secrets.slack}`,
    `      - STRIPE_KEY=${secrets.stripe}`,
    `      GOOGLE_API_KEY: "${secrets.google}"`,
    `      DATABASE_URL: postgres://app:${secrets.password}@db:5432/app`,
    '  worker:',
    '    image: busybox:1.36',
    '    environment:',
    `      - GITLAB_TOKEN=${secrets.gitlab}`,
    '',
  ].join('\n'),
  'k8s.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: app}',
    'data:',
    `  AWS_ACCESS_KEY_ID: ${secrets.aws}`,
    `  password: "${secrets.password}"`,
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata: {name: app}',
    'stringData:',
    `  token: ${secrets.github}`,
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: app}',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: nginx:1.27',
    '    env:',
    `    - {name: API_TOKEN, value: "${secrets.jwt}"}`,
    `    - {name: DB_PASSWORD, value: "${secrets.password}"}`,
    `    args: ["--token=${secrets.stripe}"]`,
    '',
  ].join('\n'),
};

/** The secret values, and a distinctive tail of each (a leak may be cut or quoted differently). */
const needles = Object.entries(secrets).flatMap(([name, value]) => [
  [name, value],
  [`${name} (tail)`, value.slice(-10)],
]);

function assertNoSecrets(output: string, where: string): void {
  for (const [name, needle] of needles) assert.ok(!output.includes(needle), `${where} contains the ${name} secret`);
}

describe('secrets never appear in any output', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-secrets-'));
    mkdirSync(join(dir, 'app'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'app', name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`CLI --format ${format}: the secrets are found, their values never printed`, () => {
      const run = spawnSync(process.execPath, [CLI, 'lint', 'app', '--format', format], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /secret-(in-env|value)/, 'secret findings reported');
      assertNoSecrets(run.stdout, `stdout (${format})`);
      assertNoSecrets(run.stderr, `stderr (${format})`);
    });
  }

  it('CLI --fix: the report after fixing holds no secret', () => {
    const copy = join(dir, 'fixed');
    mkdirSync(copy);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(copy, name), text);
    const run = spawnSync(process.execPath, [CLI, 'lint', 'fixed', '--fix', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assertNoSecrets(run.stdout + run.stderr, 'output of --fix');
  });

  it('language server: diagnostics, their fix data, hovers, code actions and the log hold no secret', async () => {
    const client = new LspClient(['--stdio']);
    const messages: string[] = [];
    client.onNotification((method, params) => messages.push(`${method} ${JSON.stringify(params)}`));
    try {
      await client.initialize({ rootPath: join(dir, 'app') });
      for (const [name, languageId] of [['Dockerfile', 'dockerfile'], ['compose.yaml', 'dockercompose'], ['k8s.yaml', 'yaml']]) {
        const uri = pathToFileURL(join(dir, 'app', name)).href;
        const published = client.nextDiagnostics(uri, 1, 20_000);
        client.open(uri, languageId, files[name]);
        const { diagnostics } = await published;
        assert.ok(diagnostics.some((d) => String(d.code).startsWith('secret-')), `${name}: secret findings published`);
        for (const d of diagnostics) {
          const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: d.range.start });
          messages.push(JSON.stringify(hover));
        }
        const actions = await client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
          context: { diagnostics },
        });
        // Code actions edit the document (e.g. replace a value with a reference): they may carry
        // the document's own text, but their titles must not.
        for (const a of actions as Array<{ title: string }>) messages.push(a.title);
      }
    } finally {
      await client.stop();
    }
    assertNoSecrets(messages.join('\n'), 'server messages');
    assertNoSecrets(client.logs.join('\n'), 'server log');
    assertNoSecrets(client.stderr, 'server stderr');
  });
});
