import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles } from '../../server/src/cli/files';
import { lintFile, lintFiles, threadsFor } from '../../server/src/cli/lint-files';

/**
 * `shipshape lint --jobs N` lints on N threads (the main one and N - 1 workers running the CLI
 * bundle): the output must be exactly that of one thread, in the same order, with the same
 * messages and exit codes. Runs the bundled CLI, as a user does.
 */
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.error, undefined, String(result.error));
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI lint threads', function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-threads-'));
    const generator: string = '../../scripts/bench/generate.mjs';
    const gen = (await import(generator)) as { writeCliTree(dir: string, count: number, seed?: number): unknown };
    gen.writeCliTree(dir, 90, 11);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'text', 'sarif']) {
    it(`--jobs 3 prints what --jobs 1 prints (${format})`, () => {
      const one = cli(['lint', '.', '--format', format, '--jobs', '1'], dir);
      const three = cli(['lint', '.', '--format', format, '--jobs', '3'], dir);
      assert.equal(one.code, 1, one.stderr);
      assert.ok(one.stdout.length > 1000);
      assert.deepEqual(three, one);
    });
  }

  it('workers running the CLI bundle return each file\'s outcome in order, as this thread computes it', async () => {
    const { files } = collectFiles(['.'], dir);
    const settings = { fix: false };
    const threaded = await lintFiles(files, settings, dir, 3, CLI);
    assert.equal(threaded.length, 90);
    assert.deepEqual(threaded, files.map((file) => lintFile(file, settings, dir)));
    await assert.rejects(lintFiles(files, settings, dir, 2, join(dir, 'no-such-worker.js')), /Cannot find module/);
  });

  it('unreadable input and an invalid rules file give the same messages and exit codes on several threads', () => {
    const bad = join(dir, 'zz-bad');
    mkdirSync(bad);
    writeFileSync(join(bad, '.shipshape.yaml'), 'rules:\n  image-latest-tg: error\n');
    writeFileSync(join(bad, 'Dockerfile'), 'FROM ubuntu\n');
    try {
      const one = cli(['lint', '.', '--format', 'json', '--jobs', '1', 'missing-file'], dir);
      const three = cli(['lint', '.', '--format', 'json', '--jobs', '3', 'missing-file'], dir);
      assert.equal(one.code, 2);
      assert.match(one.stderr, /missing-file/);
      assert.match(one.stderr, /image-latest-tg/);
      assert.deepEqual(three, one);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('--fix on several threads rewrites each file once, as on one thread', () => {
    const copy = (to: string) => {
      mkdirSync(to);
      for (const i of [0, 1, 2, 3]) writeFileSync(join(to, `Dockerfile.${i}`), `FROM ubuntu\nADD app${i}.txt /app/\n`);
      writeFileSync(join(to, '.shipshape.yaml'), 'images:\n  ubuntu: "24.04"\n');
    };
    const a = join(dir, 'fix-one');
    const b = join(dir, 'fix-three');
    copy(a);
    copy(b);
    try {
      const one = cli(['lint', '.', '--fix', '--format', 'json', '--fail-level', 'none', '--jobs', '1'], a);
      const three = cli(['lint', '.', '--fix', '--format', 'json', '--fail-level', 'none', '--jobs', '3'], b);
      assert.equal(three.stdout, one.stdout);
      for (const i of [0, 1, 2, 3]) {
        const fixed = readFileSync(join(b, `Dockerfile.${i}`), 'utf8');
        assert.equal(fixed, readFileSync(join(a, `Dockerfile.${i}`), 'utf8'));
        assert.equal(fixed, `FROM ubuntu:24.04\nCOPY app${i}.txt /app/\n`);
      }
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('chooses the thread count: --jobs wins, one core is left to V8, few files stay on one thread', () => {
    assert.equal(threadsFor(5000, 3, true, 2), 3);
    assert.equal(threadsFor(2, 8, true, 16), 2, 'never more threads than files');
    assert.equal(threadsFor(5000, undefined, true, 2), 1, 'two cores: one lint thread');
    assert.equal(threadsFor(5000, undefined, true, 4), 3);
    assert.equal(threadsFor(5000, undefined, true, 32), 4, 'at most four by default');
    assert.equal(threadsFor(500, undefined, true, 8), 1, 'too few files to pay for a thread');
    assert.equal(threadsFor(5000, 4, false, 8), 1, 'from the TypeScript sources (tests): one thread');
  });

  it('refuses a --jobs that is not a positive whole number', () => {
    for (const jobs of ['0', '-1', 'two', '1.5']) {
      const run = cli(['lint', '.', `--jobs=${jobs}`], dir);
      assert.equal(run.code, 2, jobs);
      assert.match(run.stderr, /--jobs must be a whole number/);
    }
  });
});
