import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import { lint } from '../../server/src/engine/lint';
import { MAX_YAML_DOCUMENTS } from '../../server/src/engine/limits';
import { allRules } from '../../server/src/rules';
import { LspClient } from '../helpers/lsp-client';

/**
 * YAML bombs, huge files and faulty rules: the engine returns promptly with one clear notice, and
 * the language server keeps serving other documents. (Time bounds here are hang detectors, set
 * far above the measured times.)
 */
const BOUND_MS = 10_000;

function timed<T>(fn: () => T): T {
  const start = performance.now();
  const value = fn();
  assert.ok(performance.now() - start < BOUND_MS, `finished within ${BOUND_MS} ms`);
  return value;
}

function billionLaughs(indent = ''): string {
  let text = `${indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
  for (let i = 1; i < 10; i++) text += `${indent}a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return text;
}

/** Maps merging the previous level nine times over: 9^10 paths if merges were followed naively. */
function mergeBomb(): string {
  let text = 'x-m0: &m0 {a: 1}\n';
  for (let i = 1; i < 10; i++) text += `x-m${i}: &m${i} {<<: [${Array(9).fill(`*m${i - 1}`).join(', ')}]}\n`;
  return text;
}

describe('hostile input to the engine', function () {
  this.timeout(60_000);

  it('billion laughs: aliases are never expanded (Compose, Kubernetes)', () => {
    const compose = timed(() => lint('services:\n  web:\n    image: nginx:latest\n    x-lol: *a9\n' + billionLaughs(), { path: 'compose.yaml' }));
    assert.deepEqual(compose.findings.map((f) => f.ruleId), ['image-latest-tag']);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: b}\n' + billionLaughs() + 'spec:\n  volumes: *a9\n  containers: *a9\n';
    const k8s = timed(() => lint(pod, { path: 'pod.yaml' }));
    assert.equal(k8s.kind, 'kubernetes');
  });

  it('merge-key bomb: lookups through `<<` visit each mapping once', () => {
    const text = mergeBomb() + 'services:\n  web:\n    <<: *m9\n    image: nginx:latest\n';
    const result = timed(() => lint(text, { path: 'compose.yaml' }));
    assert.ok(result.findings.some((f) => f.ruleId === 'image-latest-tag'));
    const pod = mergeBomb() + 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  <<: *m9\n  containers:\n  - <<: *m9\n    name: a\n    image: nginx:1.27\n';
    timed(() => lint(pod, { path: 'pod.yaml' }));
  });

  it('deeply nested flow and block collections: one notice, no stack overflow', () => {
    for (const [name, nested] of [
      ['flow sequences', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['flow mappings', '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000)],
      ['block mappings', Array.from({ length: 1000 }, (_, i) => '\n' + ' '.repeat(i + 4) + `k${i}:`).join('') + ' v'],
    ]) {
      const result = timed(() => lint(`services:\n  web:\n    image: nginx:1.27\n    x: ${nested}\n`, { path: 'compose.yaml' }));
      assert.equal(result.notices.length, 1, name);
      assert.match(result.notices[0].message, /nested more than 200 levels deep/, name);
      assert.deepEqual(result.notices[0].range.start, { line: 0, character: 0 }, name);
    }
  });

  it('100,000 documents in one file: the first 10,000 are linted, one notice says the rest were skipped', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n'.repeat(100_000);
    const result = timed(() => lint(text, { path: 'all.yaml', maxFileBytes: 10 * 1024 * 1024 }));
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0].message, /checked the first 10,000 of 100,001 YAML documents/);
    assert.equal(result.notices[0].range.start.line, MAX_YAML_DOCUMENTS * 4 - 1, "at the `---` of the first skipped document");
  });

  it('a 20 MB file: skipped with one information notice naming the size, the limit and the setting', () => {
    const text = 'services:\n  web:\n    image: nginx:latest\n' + '# filler line\n'.repeat(1_500_000);
    const result = timed(() => lint(text, { path: 'compose.yaml' }));
    assert.deepEqual(result.findings, []);
    assert.equal(result.notices.length, 1);
    assert.equal(result.notices[0].severity, 'info');
    assert.match(result.notices[0].message, /it is 20\.\d MB, over the 2 MB limit \(setting shipshape\.maxFileSize\)/);
    assert.equal(lint(text, { path: 'compose.yaml', maxFileBytes: 30 * 1024 * 1024 }).findings[0]?.ruleId, 'image-latest-tag', 'a raised limit lints it');
  });

  it('NUL bytes, lone surrogates, a BOM, CR-only and mixed line endings do not throw', () => {
    for (const text of ['\uFEFFFROM nginx\r\nUSER root\rRUN a\0b\n', 'FROM nginx\n\uD800RUN \uDFFF\n', '\0\0\0', '\r\r\r']) {
      const result = lint(text, { path: 'Dockerfile' });
      assert.equal(result.kind, 'dockerfile');
    }
    const yaml = lint('\uFEFFservices:\r\n  web:\r    image: "nginx\0:latest"\n\t\tbad: \uD800\n', { path: 'compose.yaml' });
    assert.equal(yaml.kind, 'compose');
  });
});

describe('a faulty rule', () => {
  const faulty: Rule = defineRule({
    meta: { id: 'always-throws', kinds: ['dockerfile', 'compose'], profile: 'recommended', severity: 'error', docs: { summary: 'Test rule', aka: [] }, fixable: false },
    dockerfile: () => {
      throw new Error('boom');
    },
    compose: () => {
      throw new RangeError('Maximum call stack size exceeded');
    },
  });
  const rules = [faulty, ...allRules];

  it('is reported once per lint with its id; the other rules still report', () => {
    const errors: string[] = [];
    const result = lint('FROM nginx:latest\nUSER root\n', { path: 'Dockerfile', rules, onRuleError: (id, e) => errors.push(`${id}: ${(e as Error).message}`) });
    assert.deepEqual(errors, ['always-throws: boom']);
    assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['image-latest-tag', 'user-root']);
    const composeErrors: string[] = [];
    const compose = lint('services:\n  web:\n    image: nginx:latest\n', { path: 'compose.yaml', rules, onRuleError: (id) => composeErrors.push(id) });
    assert.deepEqual(composeErrors, ['always-throws']);
    assert.ok(compose.findings.some((f) => f.ruleId === 'image-latest-tag'));
  });

  it('does not leak into the default rule set or its cache', () => {
    const errors: string[] = [];
    lint('services:\n  web:\n    image: nginx:latest\n', { path: 'compose.yaml', onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, []);
  });
});

describe('language server under hostile input', function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  it('a 20 MB document gets one information diagnostic; a billion-laughs and a normal document still get theirs', async () => {
    const big = pathToFileURL('/work/big/compose.yaml').href;
    const laughs = pathToFileURL('/work/laughs/compose.yaml').href;
    const normal = pathToFileURL('/work/normal/Dockerfile').href;
    const bigPublished = client.nextDiagnostics(big, 1, 30_000);
    const laughsPublished = client.nextDiagnostics(laughs, 1, 30_000);
    const normalPublished = client.nextDiagnostics(normal, 1, 30_000);
    client.open(big, 'dockercompose', 'services:\n  web:\n    image: nginx:latest\n' + '# filler line\n'.repeat(1_500_000));
    client.open(laughs, 'dockercompose', 'services:\n  web:\n    image: nginx:latest\n' + billionLaughs());
    client.open(normal, 'dockerfile', 'FROM nginx:latest\nUSER 10001\n');
    const [bigDiagnostics, laughsDiagnostics, normalDiagnostics] = await Promise.all([bigPublished, laughsPublished, normalPublished]);
    assert.equal(bigDiagnostics.diagnostics.length, 1);
    assert.equal(bigDiagnostics.diagnostics[0].severity, 3, 'information');
    assert.deepEqual(bigDiagnostics.diagnostics[0].range.start, { line: 0, character: 0 });
    assert.match(bigDiagnostics.diagnostics[0].message, /skipped this file: it is 20\.\d MB, over the 2 MB limit/);
    assert.deepEqual(laughsDiagnostics.diagnostics.map((d) => d.code), ['image-latest-tag']);
    assert.deepEqual(normalDiagnostics.diagnostics.map((d) => d.code), ['image-latest-tag']);
  });

  it('shipshape.maxFileSize raises the limit', async () => {
    client.requestHandlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({ maxFileSize: 30 })));
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const uri = pathToFileURL('/work/big2/compose.yaml').href;
    const published = client.nextDiagnostics(uri, 1, 30_000);
    client.open(uri, 'dockercompose', 'services:\n  web:\n    image: nginx:latest\n' + '# filler line\n'.repeat(400_000));
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['image-latest-tag']);
  });
});

describe('nesting that would overflow the parser is refused before parsing', () => {
  // V8 aborts the process (not a catchable RangeError) when a regex is compiled near the stack
  // limit, which the `yaml` parser reaches on deep flow nesting: such text must never reach it.
  it('a text that crashed the process when parsed twice: refused with one notice, every time', () => {
    const text = '{{'.repeat(5000) + '/'.repeat(5000) + '\nFROM node:22\nUSER 10001\n';
    for (let i = 0; i < 3; i++) {
      const result = lint(text + ' '.repeat(i), { path: 'compose.yaml' });
      assert.equal(result.notices.length, 1);
      assert.match(result.notices[0].message, /nested more than 200 levels/);
    }
  });

  it('compact block sequences and deep indentation are refused too; ordinary manifests are not', () => {
    const compact = lint('- '.repeat(2000) + 'a\n', { path: 'compose.yaml' });
    assert.match(compact.notices[0]?.message ?? '', /nested more than 200 levels/);
    const ok = lint('services:\n  web:\n    image: nginx:1.27\n    command: ["a", {b: [c]}]\n', { path: 'compose.yaml' });
    assert.deepEqual(ok.notices, []);
  });
});

describe('line endings the editor and the parsers must agree on (found by fuzzing)', () => {
  it('a lone CR ends a line in a Dockerfile: findings sit on the line the editor shows', () => {
    const result = lint('\r\r\nFROM nginx:latest\rUSER root\r', { path: 'Dockerfile' });
    const byRule = new Map(result.findings.map((f) => [f.ruleId, f.range]));
    assert.deepEqual(byRule.get('image-latest-tag'), { start: { line: 2, character: 5 }, end: { line: 2, character: 17 } });
    assert.equal(byRule.get('user-root')?.start.line, 3);
  });

  it('a lone CR ends a line in YAML too, also before a `---` (documents are shifted by the lines the editor shows)', () => {
    const result = lint('\rservices:\n  web:\n    image: nginx:1.27\n---\rservices:\r  web:\r    image: nginx:latest\r', { path: 'docker-compose.yml' });
    const finding = result.findings.find((f) => f.ruleId === 'image-latest-tag');
    assert.deepEqual(finding?.range, { start: { line: 7, character: 11 }, end: { line: 7, character: 23 } });
  });

  it('a position between the CR and LF of a CRLF is clamped to the end of its line', () => {
    const result = lint('<<: *a\n\r\n \0', { path: 'docker-compose.yml' });
    for (const n of result.notices) assert.ok(n.range.start.line !== 1 || n.range.start.character === 0, JSON.stringify(n.range));
  });
});
