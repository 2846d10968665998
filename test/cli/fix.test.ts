import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../server/src/cli';
import { assertParses } from '../helpers/rule-tester';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const PINS = 'images:\n  node: "22.11-bookworm-slim"\n  nginx: "1.27-alpine"\n  ubuntu: "24.04"\n  postgres: "16.4"\n  registry.example.com/api: "1.4.2"\n';

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', isTty: false };
  return { code: await main(argv, io), stdout, stderr };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const ruleIds = (json: string) =>
  (JSON.parse(json) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string }> }> }).files.flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.ruleId}`));

describe('shipshape lint --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-fix-'));
    cpSync(EXAMPLES, dir, { recursive: true });
    writeFileSync(join(dir, '.shipshape.yaml'), PINS);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the safe fixes to a copy of the examples in place and reports what remains', async () => {
    const before = await run(['lint', '.', '--format', 'json', '--fail-level', 'none'], dir);
    const fixed = await run(['lint', '.', '--fix', '--format', 'json', '--fail-level', 'none'], dir);
    assert.equal(fixed.stderr, '');
    // The team pins replace the unpinned images, one file kind each …
    assert.match(read(dir, 'insecure/Dockerfile'), /^FROM ubuntu:24\.04$/m);
    assert.match(read(dir, 'insecure/docker-compose.yml'), /image: nginx:1\.27-alpine\n/);
    assert.match(read(dir, 'insecure/docker-compose.yml'), /image: postgres:16\.4\n/);
    assert.match(read(dir, 'insecure/k8s/deployment.yaml'), /image: registry\.example\.com\/api:1\.4\.2\n/);
    // … behaviour-changing suggestions are left alone …
    assert.match(read(dir, 'insecure/Dockerfile'), /^USER root$/m);
    assert.match(read(dir, 'insecure/docker-compose.yml'), /privileged: true/);
    // … every fixed file still parses, and the report lists exactly what is left.
    for (const file of ['insecure/Dockerfile', 'insecure/docker-compose.yml', 'insecure/k8s/deployment.yaml']) assertParses(file, read(dir, file));
    const left = ruleIds(fixed.stdout);
    assert.ok(!left.some((l) => /image-(latest-tag|untagged)$/.test(l) && !l.includes('Dockerfile')), left.join('\n'));
    assert.ok(left.length < ruleIds(before.stdout).length);
    assert.deepEqual(left, ruleIds((await run(['lint', '.', '--format', 'json', '--fail-level', 'none'], dir)).stdout));
  });

  it('a second --fix changes nothing', async () => {
    await run(['lint', '.', '--fix', '--fail-level', 'none'], dir);
    const once = ['insecure/Dockerfile', 'insecure/docker-compose.yml', 'insecure/k8s/deployment.yaml', 'hardened/Dockerfile', 'hardened/compose.yaml'].map((f) => read(dir, f));
    await run(['lint', '.', '--fix', '--fail-level', 'none'], dir);
    assert.deepEqual(['insecure/Dockerfile', 'insecure/docker-compose.yml', 'insecure/k8s/deployment.yaml', 'hardened/Dockerfile', 'hardened/compose.yaml'].map((f) => read(dir, f)), once);
  });

  it('leaves the hardened examples byte for byte', async () => {
    const files = ['hardened/Dockerfile', 'hardened/compose.yaml', 'hardened/k8s/deployment.yaml'];
    const original = files.map((f) => read(dir, f));
    await run(['lint', 'hardened', '--fix'], dir);
    assert.deepEqual(files.map((f) => read(dir, f)), original);
  });

  it('removes stale ignores and rewrites ADD as COPY, keeping suppressed findings and their ignores', async () => {
    const file = join(dir, 'Dockerfile.app');
    writeFileSync(file, '# shipshape ignore=image-latest-tag -- mirrored internally\nFROM nginx:latest\n# shipshape ignore=user-root -- gone since 2023\nADD conf /etc/nginx/\nUSER 10001\n');
    const { code, stdout } = await run(['lint', 'Dockerfile.app', '--fix'], dir);
    assert.equal(code, 0);
    assert.equal(readFileSync(file, 'utf8'), '# shipshape ignore=image-latest-tag -- mirrored internally\nFROM nginx:latest\nCOPY conf /etc/nginx/\nUSER 10001\n');
    assert.match(stdout, /No problems|0 problems/);
  });

  it('with --stdin prints the fixed text instead of writing a file', async () => {
    let stdout = '';
    const io: Io = { cwd: dir, stdout: (t) => (stdout += t), stderr: () => {}, readStdin: async () => 'FROM node:22\nADD a.txt /a.txt\nUSER 10001\n', isTty: false };
    await main(['lint', '--stdin', '--stdin-filename', 'Dockerfile', '--fix'], io);
    assert.equal(stdout, 'FROM node:22\nCOPY a.txt /a.txt\nUSER 10001\n');
  });
});
