import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, withTimeout, type PublishedDiagnostics } from '../helpers/lsp-client';

const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;

/** Diagnostics as "line:col-line:col severity code message" (1-based), easy to compare. */
function shown(p: PublishedDiagnostics): string[] {
  return p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code ?? ''} ${d.message}`);
}

const severityOf = (p: PublishedDiagnostics, code: string) => p.diagnostics.find((d) => d.code === code)?.severity;

const DOCKERFILE = 'FROM node:latest\nUSER 10001\n';

describe('rules file over the protocol', function () {
  let client: LspClient;
  let root: string;
  let settings: Record<string, Record<string, unknown>>;
  const uri = (rel: string) => pathToFileURL(join(root, rel)).href;
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  /** Waits for diagnostics for a URI that satisfy a predicate (from now on). */
  const waitFor = (target: string, predicate: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10000) => {
    let off: (() => void) | undefined;
    const waiting = new Promise<PublishedDiagnostics>((resolve) => {
      const remove = client.onNotification((method, params) => {
        const p = params as PublishedDiagnostics;
        if (method === 'textDocument/publishDiagnostics' && p.uri === target && predicate(p)) {
          off?.();
          resolve(p);
        }
      });
      let removed = false;
      off = () => {
        if (!removed) remove(); // removing twice would drop another listener
        removed = true;
      };
    });
    return withTimeout(waiting, timeoutMs, `diagnostics for ${target}`).finally(() => off?.());
  };
  /** Waits for diagnostics for a URI that satisfy a predicate, after doing something. */
  const after = (target: string, action: () => void, predicate: (p: PublishedDiagnostics) => boolean = () => true) => {
    const waiting = waitFor(target, predicate);
    action();
    return waiting;
  };
  /** Every diagnostics notification, in order (the helper's own record is not used: see waitFor). */
  let published: PublishedDiagnostics[] = [];
  const watched = (rel: string, type: number) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type }] });

  beforeEach(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'shipshape-lsp-rules-')));
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    settings = {};
    client = new LspClient();
    published = [];
    client.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') published.push(params as PublishedDiagnostics);
    });
    client.requestHandlers.set('workspace/configuration', (params) =>
      (params as { items: Array<{ scopeUri?: string }> }).items.map((item) => {
        const folder = Object.keys(settings).find((f) => item.scopeUri?.startsWith(pathToFileURL(join(root, f)).href + '/'));
        return folder ? settings[folder] : null;
      }),
    );
  });

  afterEach(async () => {
    const code = await client.stop();
    assert.equal(code, 0, `server exited cleanly (stderr: ${client.stderr})`);
    rmSync(root, { recursive: true, force: true });
  });

  const start = async (folders = ['a']) => {
    const workspaceFolders = folders.map((f) => ({ uri: uri(f), name: f }));
    const rootUri = workspaceFolders[0].uri;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    client.notify('initialized', {});
  };

  it('publishes every mistake at its position in the rules file; the valid rest applies', async () => {
    write(
      'a/.shipshape.yaml',
      [
        'extends: recomended',
        'rules:',
        '  image-latest-tag: error',
        '  image-latest-tg: off',
        '  user-root: eror',
        '  privileged: [error, { allow: [x] }]',
        'trustedRegistry: [registry.example.com]',
        'ignorePaths: ["(vendor|third_party)/**"]',
      ].join('\n') + '\n',
    );
    await start();
    const rulesFile = waitFor(uri('a/.shipshape.yaml'));
    const docs = await after(uri('a/Dockerfile'), () => client.open(uri('a/Dockerfile'), 'dockerfile', DOCKERFILE));
    assert.equal(severityOf(docs, 'image-latest-tag'), 1, 'image-latest-tag: error applies although the file has mistakes');
    assert.deepEqual(shown(await rulesFile), [
      '1:10-1:20 1 rules-file "extends" must be one of recommended, strict; did you mean "recommended"?',
      '4:3-4:18 1 rules-file Unknown rule "image-latest-tg"; did you mean "image-latest-tag"? `shipshape rules` lists the rule ids.',
      '5:14-5:18 1 rules-file "eror" is not a severity for "user-root": use off | info | warning | error; did you mean "error"?',
      '6:23-6:37 1 rules-file Rule "privileged" takes no options; write "privileged: error".',
      '7:1-7:16 1 rules-file Unknown setting "trustedRegistry"; did you mean "trustedRegistries"? Settings: extends, rules, trustedRegistries, images, nonRootBaseImages, ignorePaths, allowInlineIgnores, overrides.',
      '8:15-8:40 1 rules-file Pattern "(vendor|third_party)/**" is refused: "(" is not glob syntax: patterns are globs (*, **, ?, [abc], {a,b}), not regular expressions.',
    ]);
  });

  it('an open rules file gets rules-file diagnostics (not container linting), for its version', async () => {
    await start();
    const text = 'rules:\n  image-latest-tag: warn\n';
    const published = await after(uri('a/.shipshape.yaml'), () => client.open(uri('a/.shipshape.yaml'), 'yaml', text));
    assert.equal(published.version, 1);
    assert.deepEqual(shown(published), ['2:21-2:25 1 rules-file "warn" is not a severity for "image-latest-tag": use off | info | warning | error; did you mean "warning"?']);
  });

  it('hot reload: editing the open rules file re-lints open documents at once; a syntax error keeps the last good config', async () => {
    await start();
    await after(uri('a/Dockerfile'), () => client.open(uri('a/Dockerfile'), 'dockerfile', DOCKERFILE), (p) => severityOf(p, 'image-latest-tag') === 2);
    const rules = uri('a/.shipshape.yaml');
    write('a/.shipshape.yaml', 'rules: { image-latest-tag: error }\n');
    let relinted = await after(uri('a/Dockerfile'), () => client.open(rules, 'yaml', 'rules: { image-latest-tag: error }\n'), (p) => severityOf(p, 'image-latest-tag') === 1);
    assert.equal(relinted.version, 1, 'the Dockerfile itself did not change');
    relinted = await after(uri('a/Dockerfile'), () => client.change(rules, 2, 'rules: { image-latest-tag: info }\n'), (p) => severityOf(p, 'image-latest-tag') === 3);
    // Broken YAML: the rules file shows the error; the Dockerfile keeps the last good severity (info).
    const broken = after(rules, () => client.change(rules, 3, 'rules: { image-latest-tag: off \n'), (p) => p.diagnostics.length > 0);
    const stillInfo = await after(uri('a/Dockerfile'), () => undefined, () => true);
    assert.equal(severityOf(stillInfo, 'image-latest-tag'), 3);
    assert.match(shown(await broken)[0], /^\d+:\d+-\d+:\d+ 1 rules-file YAML syntax error: /);
    // Fixed again: off applies, the rules file's diagnostics are cleared.
    const cleared = after(rules, () => client.change(rules, 4, 'rules: { image-latest-tag: off }\n'), (p) => p.diagnostics.length === 0);
    await after(uri('a/Dockerfile'), () => undefined, (p) => severityOf(p, 'image-latest-tag') === undefined);
    await cleared;
  });

  it('hot reload from the disk: create, change and delete (didChangeWatchedFiles)', async () => {
    await start();
    const doc = uri('a/sub/Dockerfile');
    await after(doc, () => client.open(doc, 'dockerfile', DOCKERFILE), (p) => severityOf(p, 'image-latest-tag') === 2);
    write('a/.shipshape.yaml', 'rules: { image-latest-tag: error }\n');
    await after(doc, () => watched('a/.shipshape.yaml', CREATED), (p) => severityOf(p, 'image-latest-tag') === 1);
    write('a/sub/.shipshape.yml', 'rules: { image-latest-tag: off }\n');
    await after(doc, () => watched('a/sub/.shipshape.yml', CREATED), (p) => severityOf(p, 'image-latest-tag') === undefined);
    unlinkSync(join(root, 'a/sub/.shipshape.yml'));
    await after(doc, () => watched('a/sub/.shipshape.yml', DELETED), (p) => severityOf(p, 'image-latest-tag') === 1);
    write('a/.shipshape.yaml', 'rules: { image-latest-tag: info }\n');
    await after(doc, () => watched('a/.shipshape.yaml', CHANGED), (p) => severityOf(p, 'image-latest-tag') === 3);
    unlinkSync(join(root, 'a/.shipshape.yaml'));
    await after(doc, () => watched('a/.shipshape.yaml', DELETED), (p) => severityOf(p, 'image-latest-tag') === 2);
  });

  it('ignorePaths: an ignored document gets no diagnostics; overrides apply by path', async () => {
    write('a/.shipshape.yaml', 'ignorePaths: [third_party]\noverrides:\n  - files: "dev/**"\n    rules: { image-latest-tag: off }\n');
    await start();
    const ignored = await after(uri('a/third_party/x/Dockerfile'), () => client.open(uri('a/third_party/x/Dockerfile'), 'dockerfile', DOCKERFILE));
    assert.deepEqual(ignored.diagnostics, []);
    const dev = await after(uri('a/dev/Dockerfile'), () => client.open(uri('a/dev/Dockerfile'), 'dockerfile', DOCKERFILE));
    assert.equal(severityOf(dev, 'image-latest-tag'), undefined);
    const prod = await after(uri('a/prod/Dockerfile'), () => client.open(uri('a/prod/Dockerfile'), 'dockerfile', DOCKERFILE));
    assert.equal(severityOf(prod, 'image-latest-tag'), 2);
  });

  it('multi-root: each workspace folder gets its own rules file and settings', async () => {
    write('a/.shipshape.yaml', 'rules: { image-latest-tag: error }\n');
    settings.b = { profile: 'strict', rulesFile: 'policy/team.yaml' };
    write('b/policy/team.yaml', 'rules: { image-latest-tag: info }\n');
    await start(['a', 'b']);
    const a = await after(uri('a/Dockerfile'), () => client.open(uri('a/Dockerfile'), 'dockerfile', DOCKERFILE));
    const b = await after(uri('b/Dockerfile'), () => client.open(uri('b/Dockerfile'), 'dockerfile', DOCKERFILE));
    assert.equal(severityOf(a, 'image-latest-tag'), 1);
    assert.equal(severityOf(b, 'image-latest-tag'), 3);
  });

  it('shipshape.profile applies when there is no rules file', async () => {
    settings.a = { profile: 'strict' };
    await start();
    const strict = await after(uri('a/Dockerfile'), () => client.open(uri('a/Dockerfile'), 'dockerfile', 'FROM node:22\nUSER 10001\n'));
    assert.ok(strict.diagnostics.some((d) => d.code === 'image-not-digest-pinned'), shown(strict).join('\n'));
  });

  it('shipshape.run onSave: typing does not lint, saving does', async () => {
    settings.a = { run: 'onSave' };
    await start();
    const doc = uri('a/Dockerfile');
    await after(doc, () => client.open(doc, 'dockerfile', 'FROM node:22\nUSER 10001\n'), (p) => p.diagnostics.length === 0);
    client.change(doc, 2, DOCKERFILE);
    const saved = await after(doc, () => client.notify('textDocument/didSave', { textDocument: { uri: doc } }));
    assert.equal(saved.version, 2);
    assert.equal(severityOf(saved, 'image-latest-tag'), 2);
    // Only the save produced diagnostics for version 2; the change alone produced none.
    assert.equal(published.filter((p) => p.uri === doc && p.version === 2).length, 1);
  });

  it('shows the active rules for a file', async () => {
    write('a/.shipshape.yaml', 'extends: strict\nrules: { image-latest-tag: error, user-root: off }\n');
    await start();
    await after(uri('a/Dockerfile'), () => client.open(uri('a/Dockerfile'), 'dockerfile', DOCKERFILE));
    const text = await client.request<string>('shipshape/activeRules', { uri: uri('a/Dockerfile') });
    assert.match(text, /Rules file: `.*\.shipshape\.yaml`/);
    assert.match(text, /Profile: strict/);
    assert.match(text, /\| image-latest-tag \| error \| rules file \|/);
    assert.match(text, /Turned off by the rules file: user-root/);
  });

  it('never crashes on any rules file', async () => {
    await start();
    const rules = uri('a/.shipshape.yaml');
    const samples = ['\t:\t[', '{{{{', 'rules: &a [*a, *a]', 'a: &x {b: *x}\nrules: *x', '- - - -', '\u0000', 'rules: !!binary AAAA', 'overrides: [[[]]]', 'rules:\n  privileged: [[[error]]]', '---\n---\n', 'x'.repeat(100000)];
    client.open(rules, 'yaml', 'extends: strict\n');
    client.open(uri('a/Dockerfile'), 'dockerfile', DOCKERFILE);
    samples.forEach((text, i) => client.change(rules, i + 2, text));
    const last = await after(rules, () => client.change(rules, samples.length + 2, 'rules: { image-latest-tag: nope }\n'), (p) => p.version === samples.length + 2);
    assert.equal(last.diagnostics.length, 1);
    // Still answering, with the valid rest of the last text in force.
    const text = await client.request<string>('shipshape/activeRules', { uri: uri('a/Dockerfile') });
    assert.match(text, /Profile: recommended/);
  });
});
