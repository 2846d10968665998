import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The CLI on what a hostile or broken repository holds: it reports or skips each thing with a
 * clear message and the right exit code, never a stack trace, and never blocks. Runs the bundled
 * CLI (dist/cli.js) as a child process, as a user runs it. Tests run as root in CI, where file
 * permissions do not apply: the permission cases then run the CLI as the unprivileged `nobody`.
 */
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, asNobody = false): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  assert.equal(result.error, undefined, `the CLI ran (${String(result.error)})`);
  assert.notEqual(result.signal, 'SIGTERM', 'the CLI finished in time (did it block on a pipe or device?)');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoStackTrace(run: Run): void {
  for (const text of [run.stdout, run.stderr]) {
    assert.doesNotMatch(text, /\n\s+at .+\(.*:\d+:\d+\)|\n\s+at .+:\d+:\d+/, `no stack trace in:\n${text}`);
    assert.doesNotMatch(text, /internal error/i, `no internal error in:\n${text}`);
  }
}

describe('CLI on hostile and broken input', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-hostile-'));
    chmodSync(dir, 0o755); // readable by `nobody` for the permission cases
  });
  afterEach(() => {
    execFileSync('chmod', ['-R', 'u+rwX', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the CLI with permissions in force (as `nobody` under root), owning the tree as that user. */
  function cliWithPermissions(args: string[]): Run {
    if (isRoot) execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
    return cli(args, dir, isRoot);
  }

  it('an unreadable file named on the command line: "permission denied", exit 2', function () {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM nginx:1.27\nUSER 10001\n');
    chmodSync(join(dir, 'Dockerfile'), 0o000);
    const run = cliWithPermissions(['lint', 'Dockerfile']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^shipshape: Dockerfile: permission denied$/m);
    assertNoStackTrace(run);
  });

  it('an unreadable file found in a folder: reported, the other files still linted, exit 2', function () {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM nginx:1.27\nUSER 10001\n');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n');
    chmodSync(join(dir, 'Dockerfile'), 0o000);
    const run = cliWithPermissions(['lint', '.', '--format', 'json']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^shipshape: Dockerfile: permission denied$/m);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['compose.yaml']);
    assertNoStackTrace(run);
  });

  it('a folder without permission: reported, the rest linted, exit 2', function () {
    mkdirSync(join(dir, 'secret'));
    writeFileSync(join(dir, 'secret', 'Dockerfile'), 'FROM nginx\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM nginx:1.27\nUSER 10001\n');
    chmodSync(join(dir, 'secret'), 0o000);
    const run = cliWithPermissions(['lint', '.', '--format', 'json']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^shipshape: secret: permission denied$/m);
    assert.deepEqual(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path), ['Dockerfile']);
    assertNoStackTrace(run);
  });

  it('a symlink loop among folders is walked once; a self-referencing link named Dockerfile is reported', () => {
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'Dockerfile'), 'FROM nginx:1.27\nUSER 10001\n');
    symlinkSync('..', join(dir, 'a', 'up')); // a/up -> . : a loop
    symlinkSync('loop.Dockerfile', join(dir, 'loop.Dockerfile')); // points at itself
    const walked = cli(['lint', '.', '--format', 'json'], dir);
    assert.equal(walked.code, 0, walked.stderr);
    assert.deepEqual(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path), ['a/Dockerfile']);
    assertNoStackTrace(walked);
    const named = cli(['lint', 'loop.Dockerfile'], dir);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /^shipshape: loop\.Dockerfile: too many levels of symbolic links$/m);
    assertNoStackTrace(named);
  });

  it('binary files are skipped: silently in a folder, with a message when named', () => {
    writeFileSync(join(dir, 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0xff, 0xfe]));
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n');
    const walked = cli(['lint', '.', '--format', 'json'], dir);
    assert.equal(walked.code, 0);
    assert.deepEqual(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path), ['compose.yaml']);
    const named = cli(['lint', 'Dockerfile'], dir);
    assert.equal(named.code, 0);
    assert.match(named.stderr, /^shipshape: Dockerfile: binary file \(contains NUL bytes\); skipped$/m);
    assertNoStackTrace(named);
  });

  it('files that are not container files: ignored in folders, listed as unknown when named', () => {
    writeFileSync(join(dir, 'README.md'), '# hello\n');
    writeFileSync(join(dir, 'config.yaml'), 'just: data\nlist: [1, 2]\n');
    writeFileSync(join(dir, 'broken.yaml'), 'key: [unclosed\n  - : :\n');
    const walked = cli(['lint', '.', '--format', 'json'], dir);
    assert.equal(walked.code, 0, walked.stderr);
    assert.deepEqual(JSON.parse(walked.stdout).files, []);
    const named = cli(['lint', 'README.md', 'config.yaml', '--format', 'json'], dir);
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(JSON.parse(named.stdout).files.map((f: { path: string; kind: string }) => [f.path, f.kind]), [
      ['README.md', 'unknown'],
      ['config.yaml', 'unknown'],
    ]);
    assertNoStackTrace(named);
  });

  it('a FIFO, and a link to a device, named like container files never block the CLI', function () {
    const fifo = spawnSync('mkfifo', [join(dir, 'Dockerfile')]);
    if (fifo.status !== 0) this.skip(); // no mkfifo on this system
    symlinkSync('/dev/zero', join(dir, 'compose.yaml'));
    writeFileSync(join(dir, 'app.Dockerfile'), 'FROM nginx:1.27\nUSER 10001\n');
    const walked = cli(['lint', '.', '--format', 'json'], dir);
    assert.equal(walked.code, 0, walked.stderr);
    assert.deepEqual(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path), ['app.Dockerfile']);
    const named = cli(['lint', 'Dockerfile', 'compose.yaml'], dir);
    assert.equal(named.code, 0);
    assert.match(named.stderr, /^shipshape: Dockerfile: not a regular file \(a pipe, socket or device\); skipped$/m);
    assert.match(named.stderr, /^shipshape: compose\.yaml: not a regular file \(a pipe, socket or device\); skipped$/m);
    assertNoStackTrace(named);
  });

  it('a missing path: "no such file or folder", exit 2', () => {
    const run = cli(['lint', 'nope/Dockerfile'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^shipshape: nope\/Dockerfile: no such file or folder$/m);
    assertNoStackTrace(run);
  });

  it('a file over 5 MB is skipped with its reason; a 3 MB file is linted (the CLI limit is 5 MB)', () => {
    writeFileSync(join(dir, 'big.yaml'), 'x: ' + 'a'.repeat(6 * 1024 * 1024) + '\n');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n' + '# padding\n'.repeat(300_000));
    const run = cli(['lint', 'big.yaml', 'compose.yaml', '--format', 'json'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^shipshape: big\.yaml: larger than 5 MB; skipped$/m);
    const [file] = JSON.parse(run.stdout).files;
    assert.equal(file.path, 'compose.yaml');
    assert.deepEqual(file.diagnostics.map((d: { ruleId: string }) => d.ruleId), ['image-latest-tag']);
    assertNoStackTrace(run);
  });

  it('hostile content (YAML bombs, deep nesting, NUL bytes, invalid UTF-8) gives notices, not crashes', () => {
    let laughs = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) laughs += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    writeFileSync(join(dir, 'laughs.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ' + laughs.replace(/\n(?!$)/g, '\n  '));
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n');
    writeFileSync(join(dir, 'Dockerfile'), Buffer.concat([Buffer.from('FROM nginx\nRUN echo '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from('\r\nUSER root\r\n')]));
    const run = cli(['lint', '.', '--format', 'json'], dir);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const files = JSON.parse(run.stdout).files as Array<{ path: string; notices?: Array<{ message: string }>; diagnostics: unknown[] }>;
    const deep = files.find((f) => f.path === 'compose.yaml');
    assert.match(JSON.stringify(deep?.notices), /nested more than 200 levels/);
    assert.ok(files.some((f) => f.path === 'Dockerfile' && f.diagnostics.length > 0), 'the Dockerfile with invalid UTF-8 is linted');
    assertNoStackTrace(run);
  });
});
