import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli';

async function run(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', isTty: false });
  return { code, stdout, stderr };
}

describe('CLI and the rules file', () => {
  let root: string;
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    mkdirSync(join(root, '.git'));
    write('app/Dockerfile', 'FROM node:latest\nUSER 10001\n');
    write('third_party/Dockerfile', 'FROM node:latest\nUSER 10001\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const findings = (stdout: string) =>
    (JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string; severity: string }> }> }).files.flatMap((r) =>
      r.diagnostics.map((f) => `${r.path} ${f.ruleId} ${f.severity}`),
    );

  it('discovers .shipshape.yaml above the files: severities, ignorePaths and overrides apply', async () => {
    write('.shipshape.yaml', 'rules:\n  image-latest-tag: error\nignorePaths: [third_party]\noverrides:\n  - files: "app/**"\n    rules: { image-latest-tag: info }\n');
    write('svc/Dockerfile', 'FROM node:latest\nUSER 10001\n');
    const { code, stdout } = await run(root, 'lint', '.', '--format', 'json');
    const found = findings(stdout).filter((f) => f.includes('image-latest-tag'));
    assert.deepEqual(found, ['app/Dockerfile image-latest-tag info', 'svc/Dockerfile image-latest-tag error']);
    assert.equal(code, 1);
  });

  it('--config names the rules file explicitly', async () => {
    write('.shipshape.yaml', 'rules: { image-latest-tag: error }\n');
    write('policy/team.yml', 'rules: { image-latest-tag: off }\n');
    const { stdout } = await run(root, 'lint', 'app', '--format', 'json', '--config', 'policy/team.yml');
    assert.deepEqual(findings(stdout).filter((f) => f.includes('image-latest-tag')), []);
  });

  it('an invalid rules file is exit code 2 with the file, line and problem', async () => {
    write('.shipshape.yaml', 'extends: recommended\nrules:\n  image-latest-tg: error\n');
    const { code, stdout, stderr } = await run(root, 'lint', '.');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^\.shipshape\.yaml:3:3: Unknown rule "image-latest-tg"; did you mean "image-latest-tag"\?/);
  });

  it('a YAML syntax error in the rules file is exit code 2', async () => {
    write('.shipshape.yaml', 'rules: { image-latest-tag: error\n');
    const { code, stderr } = await run(root, 'lint', '.');
    assert.equal(code, 2);
    assert.match(stderr, /\.shipshape\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a missing --config is exit code 2', async () => {
    const { code, stderr } = await run(root, 'lint', '.', '--config', 'nope.yaml');
    assert.equal(code, 2);
    assert.match(stderr, /nope\.yaml:1:1: Cannot read the rules file: the rules file does not exist/);
  });

  it('init writes a rules file the CLI accepts', async () => {
    assert.equal((await run(root, 'init')).code, 0);
    const { code } = await run(root, 'lint', 'app', '--fail-level', 'none');
    assert.equal(code, 0);
  });
});
