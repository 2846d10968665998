import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { main, type Io } from '../../server/src/cli';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string, stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, isTty: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('shipshape CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON shape of the spec, every examined file listed', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM nginx:latest\nUSER 10001\n');
    writeFileSync(join(dir, 'clean.Dockerfile'), 'FROM nginx:1.27\nUSER 10001\n');
    writeFileSync(join(dir, 'notes.yaml'), 'just: data\n');
    const { code, stdout } = await run(['lint', '.', '--format', 'json'], dir);
    assert.equal(code, 0, 'warnings do not fail at the default fail level');
    const json = JSON.parse(stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.files.map((f: { path: string; kind: string }) => [f.path, f.kind]), [
      ['clean.Dockerfile', 'dockerfile'],
      ['Dockerfile', 'dockerfile'],
    ]);
    const [d] = json.files[1].diagnostics;
    assert.deepEqual(Object.keys(d).sort(), ['fixes', 'message', 'range', 'ruleId', 'severity']);
    assert.equal(d.ruleId, 'image-latest-tag');
    assert.deepEqual(d.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 17 } });
    assert.deepEqual(json.files[0].diagnostics, []);
  });

  it('lists a file named on the command line even when it is not a container file', async () => {
    writeFileSync(join(dir, 'notes.yaml'), 'just: data\n');
    const { stdout } = await run(['lint', 'notes.yaml', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(stdout).files, [{ path: 'notes.yaml', kind: 'unknown', diagnostics: [] }]);
  });

  it('exit codes follow the fail level', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM nginx:latest\nUSER 10001\n');
    assert.equal((await run(['lint', '.'], dir)).code, 0);
    assert.equal((await run(['lint', '.', '--fail-level', 'warning'], dir)).code, 1);
    assert.equal((await run(['lint', '.', '--fail-level', 'none'], dir)).code, 0);
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  a:\n    image: x:1\n    privileged: true\n');
    assert.equal((await run(['lint', '.'], dir)).code, 1, 'an error fails by default');
  });

  it('exit code 2 for usage errors and unreadable input, with a message', async () => {
    const usage = await run(['lint', '--format', 'xml'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--format must be one of text, json, sarif/);
    const missing = await run(['lint', 'nope/Dockerfile'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\/Dockerfile: no such file or folder/);
    assert.equal((await run(['frobnicate'], dir)).code, 2);
  });

  it('--profile strict turns on strict rules', async () => {
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  a:\n    image: x:1\n');
    const ids = async (argv: string[]) => JSON.parse((await run(['lint', '.', '--format', 'json', ...argv], dir)).stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    assert.ok(!(await ids([])).includes('user-missing'));
    assert.ok((await ids(['--profile', 'strict'])).includes('user-missing'));
  });

  it('lints standard input as the named file', async () => {
    const { code, stdout } = await run(['lint', '--stdin', '--stdin-filename', 'Dockerfile', '--format', 'json'], dir, 'FROM nginx\nUSER 1\n');
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.files[0].path, 'Dockerfile');
    assert.deepEqual(json.files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId), ['image-untagged']);
  });

  it('writes SARIF 2.1.0 that code scanning accepts', async () => {
    cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
    const { stdout } = await run(['lint', 'examples', '--format', 'sarif'], dir);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(sarif.runs.length, 1);
    const [runLog] = sarif.runs;
    assert.equal(runLog.tool.driver.name, 'shipshape');
    const ruleIds = runLog.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('privileged'));
    for (const rule of runLog.tool.driver.rules) {
      assert.ok(rule.shortDescription.text && rule.help.text && rule.helpUri, `rule ${rule.id} has help`);
    }
    assert.ok(runLog.results.length > 5);
    for (const result of runLog.results) {
      assert.ok(ruleIds.includes(result.ruleId));
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      const { physicalLocation } = result.locations[0];
      assert.match(physicalLocation.artifactLocation.uri, /^examples\/insecure\//);
      assert.ok(physicalLocation.region.startLine >= 1 && physicalLocation.region.startColumn >= 1, '1-based');
    }
    assert.ok(runLog.results.some((r: { fixes?: unknown[] }) => r.fixes && r.fixes.length > 0), 'fixes are carried');
  });

  it('walks folders, honours .gitignore and skips node_modules', async () => {
    mkdirSync(join(dir, 'svc', 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(dir, 'build'), { recursive: true });
    writeFileSync(join(dir, 'svc', 'Dockerfile'), 'FROM a:1\nUSER 1\n');
    writeFileSync(join(dir, 'svc', 'node_modules', 'x', 'Dockerfile'), 'FROM a\n');
    writeFileSync(join(dir, 'build', 'Dockerfile'), 'FROM a\n');
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    const { stdout } = await run(['lint', '.', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(stdout).files.map((f: { path: string }) => f.path), ['svc/Dockerfile']);
  });

  it('the text format gives path:line:column, severity, message and rule id', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM nginx:latest\nUSER 10001\n');
    const { stdout } = await run(['lint', 'Dockerfile'], dir);
    assert.match(stdout, /^Dockerfile:1:6 {2}warning {2}.*image-latest-tag$/m);
    assert.match(stdout, /1 problem \(1 warning\) in 1 file/);
  });

  it('rules lists the catalog', async () => {
    const { code, stdout } = await run(['rules', '--format', 'json'], dir);
    assert.equal(code, 0);
    const rules = JSON.parse(stdout);
    assert.ok(rules.some((r: { id: string; kinds: string[] }) => r.id === 'user-root' && r.kinds.length === 3));
  });

  it('the installed binary runs (bin/shipshape.js over the bundle)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, '..', '..', 'bin', 'shipshape.js'), 'lint', join(EXAMPLES, 'hardened'), '--format', 'json']);
    const json = JSON.parse(stdout);
    assert.equal(json.files.length, 3);
  });
});
