import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rulesFileSchema } from '../../server/src/config/schema';
import { getRule } from '../../server/src/engine/registry';
import { allRules } from '../../server/src/rules';
import { LspClient } from '../helpers/lsp-client';

interface Position {
  line: number;
  character: number;
}
interface CompletionItem {
  label: string;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit?: { range: { start: Position; end: Position }; newText: string };
  command?: { command: string };
}
interface Hover {
  contents: { kind: string; value: string };
  range?: { start: Position; end: Position };
}

/** The text without its `‸` cursor marker, and the marker's position. */
function cursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('‸');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

const at = (p: { start: Position; end: Position } | undefined) => p && `${p.start.line}:${p.start.character}-${p.end.line}:${p.end.character}`;
const topDescription = (key: string) => ((rulesFileSchema(allRules).properties as Record<string, { description: string }>)[key]).description;

describe('rules file completion and hover over the protocol', function () {
  let client: LspClient;
  let root: string;
  let capabilities: Record<string, unknown>;
  const versions = new Map<string, number>();
  const uri = (rel: string) => pathToFileURL(join(root, rel)).href;

  /** Puts the text in the editor (open, or a new version) and asks at the cursor. */
  function show(rel: string, marked: string, languageId = 'yaml'): { target: string; position: Position } {
    const { text, position } = cursor(marked);
    const target = uri(rel);
    const version = (versions.get(target) ?? 0) + 1;
    versions.set(target, version);
    if (version === 1) client.open(target, languageId, text);
    else client.change(target, version, text);
    return { target, position };
  }

  async function complete(marked: string, rel = '.shipshape.yaml', languageId = 'yaml'): Promise<CompletionItem[] | null> {
    const { target, position } = show(rel, marked, languageId);
    const result = await client.request<{ items: CompletionItem[] } | null>('textDocument/completion', { textDocument: { uri: target }, position });
    return result?.items ?? null;
  }

  async function hover(marked: string, rel = '.shipshape.yaml'): Promise<Hover | null> {
    const { target, position } = show(rel, marked);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri: target }, position });
  }

  const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'shipshape-lsp-completion-')));
    client = new LspClient();
    ({ capabilities } = await client.initialize({ rootPath: root }));
  });

  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, `server exited cleanly (stderr: ${client.stderr})`);
    rmSync(root, { recursive: true, force: true });
  });

  it('advertises completion, opened by a space', () => {
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: [' '] });
    assert.equal(capabilities.hoverProvider, true);
  });

  it('offers the top-level keys with their schema descriptions, not those already present', async () => {
    const items = await complete('extends: strict\n‸\nimages:\n  nginx: "1.27-alpine"\n');
    assert.deepEqual(labels(items), ['rules', 'trustedRegistries', 'nonRootBaseImages', 'ignorePaths', 'allowInlineIgnores', 'overrides']);
    const rules = items!.find((i) => i.label === 'rules')!;
    assert.equal(rules.documentation?.value, topDescription('rules'));
    assert.equal(rules.textEdit?.newText, 'rules:\n  ');
    assert.equal(items!.find((i) => i.label === 'ignorePaths')?.textEdit?.newText, 'ignorePaths:\n  - ');
    assert.equal(items!.find((i) => i.label === 'allowInlineIgnores')?.textEdit?.newText, 'allowInlineIgnores: ');
  });

  it('replaces the partly typed key', async () => {
    const items = await complete('trus‸');
    const item = items!.find((i) => i.label === 'trustedRegistries')!;
    assert.equal(at(item.textEdit?.range), '0:0-0:4');
  });

  it('offers rule ids under rules: with summary, kinds and profile; the typed word is replaced', async () => {
    const items = await complete('extends: recommended\nrules:\n  image-l‸\n');
    const item = items!.find((i) => i.label === 'image-latest-tag')!;
    assert.ok(item, 'image-latest-tag offered');
    assert.equal(item.detail, 'Dockerfile, Compose, Kubernetes · recommended · warning');
    assert.ok(item.documentation!.value.startsWith(getRule('image-latest-tag')!.meta.docs.summary), 'the summary first');
    assert.match(item.documentation!.value, /\[Documentation\]\(file:.*image-latest-tag\.md\)/);
    assert.equal(at(item.textEdit?.range), '2:2-2:9');
    assert.equal(item.textEdit?.newText, 'image-latest-tag: ');
    assert.equal(item.command?.command, 'editor.action.triggerSuggest', 'the severities come next');
    assert.equal(items!.length, allRules.length);
  });

  it('does not offer rule ids already in the mapping (top level and overrides)', async () => {
    let items = await complete('rules:\n  image-latest-tag: off\n  ‸\n  privileged: error\n');
    assert.ok(!labels(items).includes('image-latest-tag') && !labels(items).includes('privileged'));
    assert.equal(items!.length, allRules.length - 2);
    items = await complete('rules:\n  host-pid: off\noverrides:\n  - files: ["deploy/dev/**"]\n    rules:\n      privileged: off\n      ‸\n');
    assert.ok(!labels(items).includes('privileged'), 'present in this entry');
    assert.ok(labels(items).includes('host-pid'), 'only in the top-level rules');
  });

  it('offers rule ids in a flow mapping, on one line', async () => {
    const items = await complete('rules: { image-latest-tag: off, hos‸ }\n');
    const item = items!.find((i) => i.label === 'host-pid')!;
    assert.ok(!labels(items).includes('image-latest-tag'));
    assert.equal(at(item.textEdit?.range), '0:32-0:35');
    assert.equal(item.textEdit?.newText, 'host-pid: ');
  });

  it('offers the severities after a rule id, marking the default', async () => {
    const items = await complete('rules:\n  image-latest-tag: wa‸\n');
    assert.deepEqual(labels(items), ['off', 'info', 'warning', 'error']);
    const warning = items!.find((i) => i.label === 'warning')!;
    assert.match(warning.detail!, /default/);
    assert.equal(at(warning.textEdit?.range), '1:20-1:22');
    assert.equal(warning.textEdit?.newText, 'warning');
    assert.deepEqual(labels(await complete('overrides:\n  - files: a\n    rules: { privileged: ‸ }\n')), ['off', 'info', 'warning', 'error']);
    assert.deepEqual(labels(await complete('rules:\n  image-latest-tag: [‸\n')), ['off', 'info', 'warning', 'error']);
    assert.deepEqual(labels(await complete('rules:\n  no-such-rule: ‸\n')), []);
  });

  it('offers the profiles after extends: and booleans after allowInlineIgnores:', async () => {
    assert.deepEqual(labels(await complete('extends: ‸\n')), ['recommended', 'strict']);
    const afterColon = await complete('extends:‸\n');
    assert.equal(afterColon!.find((i) => i.label === 'strict')?.textEdit?.newText, ' strict', 'a space before the value');
    assert.deepEqual(labels(await complete('allowInlineIgnores: f‸\n')), ['true', 'false']);
  });

  it('offers nothing in comments, lists and other files', async () => {
    assert.deepEqual(labels(await complete('rules:\n  image-latest-tag: off # wa‸\n')), []);
    assert.deepEqual(labels(await complete('ignorePaths: [thi‸\n')), []);
    assert.equal(await complete('FROM node:22\nUS‸\n', 'Dockerfile', 'dockerfile'), null);
    assert.equal(await complete('{ "rules": { "‸" } }\n', '.shipshape.json', 'json'), null);
  });

  it('works in .shipshape.yml too', async () => {
    assert.ok(labels(await complete('rules:\n  priv‸', 'sub/.shipshape.yml')).includes('privileged'));
  });

  it('hover on a rule id: summary, kinds, profile, default severity, aka ids and the docs link', async () => {
    const result = await hover('rules:\n  image-lat‸est-tag: error\n');
    assert.equal(at(result?.range), '1:2-1:18');
    const value = result!.contents.value;
    assert.equal(result!.contents.kind, 'markdown');
    assert.match(value, /^\*\*image-latest-tag\*\* \(Shipshape rule\): /);
    assert.match(value, /Dockerfile, Compose, Kubernetes · recommended profile · default severity warning/);
    assert.match(value, /\*Also known as:\* `DL3007`/);
    assert.match(value, /\[Documentation\]\(file:.*image-latest-tag\.md\)/);
    const inOverride = await hover('overrides:\n  - files: a\n    rules: { privi‸leged: off }\n');
    assert.match(inOverride!.contents.value, /^\*\*privileged\*\*/);
  });

  it('hover on a top-level key: its schema description', async () => {
    const result = await hover('extends: strict\ntrusted‸Registries: [r.example.com]\n');
    assert.equal(result?.contents.value, `**trustedRegistries** (Shipshape rules file): ${topDescription('trustedRegistries')}`);
    assert.equal(await hover('images:\n  ngi‸nx: "1.27"\n'), null);
  });

  it('keeps the hover on findings in container files', async () => {
    const target = uri('hover.Dockerfile'); // not the Dockerfile an earlier test left open
    const published = client.nextDiagnostics(target);
    client.open(target, 'dockerfile', 'FROM node:latest\nUSER 10001\n');
    const diagnostics = await published;
    const finding = diagnostics.diagnostics.find((d) => d.code === 'image-latest-tag')!;
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: target }, position: finding.range.start });
    assert.match(result!.contents.value, /\*\*image-latest-tag\*\* \(Shipshape, warning\)/);
  });
});
