import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import type { Range, TextEdit } from '../../server/src/engine/types';
import { LspClient, type PublishedDiagnostics } from '../helpers/lsp-client';

type Edit = TextEdit | { range: Range; snippet: { kind: 'snippet'; value: string } };
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  command?: { command: string; arguments?: unknown[] };
  edit?: { documentChanges?: Array<{ kind?: string; uri?: string; textDocument?: { uri: string; version: number | null }; edits?: Edit[] }> };
}
type Diagnostic = PublishedDiagnostics['diagnostics'][number];

/** A snippet edit applied as the editor would, with `${1:reason}` left as its placeholder text. */
const plain = (edit: Edit): TextEdit =>
  'snippet' in edit ? { range: edit.range, newText: edit.snippet.value.replace(/\$\{1:([^}]*)\}/g, '$1').replace(/\\([$}\\])/g, '$1') } : edit;

describe('suppression and silencing actions over stdio', function () {
  let workspace: string;
  let client: LspClient;
  let n = 0;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'shipshape-suppress-'));
    client = new LspClient();
    await client.initialize({
      rootPath: workspace,
      initializationOptions: { clientCommands: ['shipshape.showRuleDocs'] },
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], snippetEditSupport: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'source'] } } },
          hover: { contentFormat: ['markdown'] },
        },
      },
    });
  });

  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr);
    rmSync(workspace, { recursive: true, force: true });
  });

  async function open(name: string, languageId: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const dir = join(workspace, `p${++n}`);
    mkdirSync(dir, { recursive: true });
    const uri = pathToFileURL(join(dir, name)).href;
    const wait = client.nextDiagnostics(uri);
    client.open(uri, languageId, text);
    return { uri, diagnostics: (await wait).diagnostics };
  }

  async function change(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const wait = client.nextDiagnostics(uri, version);
    client.change(uri, version, text);
    return (await wait).diagnostics;
  }

  const actionsFor = (uri: string, diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });

  function editOf(action: CodeAction | undefined, text: string): string {
    assert.ok(action?.edit?.documentChanges, 'an edit');
    const change = action.edit.documentChanges.find((c) => c.textDocument)!;
    return applyEdits(text, change.edits!.map(plain));
  }

  it('an ignore comment suppresses the diagnostic; hadolint\'s form too', async () => {
    const { diagnostics } = await open('Dockerfile', 'dockerfile', '# shipshape ignore=image-latest-tag -- mirrored\nFROM nginx:latest\nUSER 10001\n');
    assert.deepEqual(diagnostics, []);
    const foreign = await open('Dockerfile', 'dockerfile', '# hadolint ignore=DL3007\nFROM nginx:latest\nUSER 10001\n');
    assert.deepEqual(foreign.diagnostics, []);
  });

  it('offers every way to silence a diagnostic, the fixes first', async () => {
    const text = 'FROM node:22\nUSER root\nCMD ["node"]\n';
    const { uri, diagnostics } = await open('Dockerfile', 'dockerfile', text);
    const d = diagnostics.find((x) => x.code === 'user-root')!;
    const titles = (await actionsFor(uri, d)).map((a) => a.title);
    assert.match(titles[0], /10001:10001.*changes behaviour/);
    assert.deepEqual(titles.slice(1), [
      'Ignore user-root for this line (with reason)',
      'Ignore user-root in this file',
      'Disable user-root in .shipshape.yaml',
      'Show documentation for user-root',
    ]);
    const docs = (await actionsFor(uri, d)).find((a) => a.title.startsWith('Show documentation'))!;
    assert.deepEqual(docs.command, { title: 'Show documentation for user-root', command: 'shipshape.showRuleDocs', arguments: ['user-root'] });
  });

  it('"Ignore for this line" inserts the comment above the instruction with a selected reason placeholder; the diagnostic goes away', async () => {
    const text = 'FROM node:22\nRUN echo hi\nUSER \\\n  root\nCMD ["node"]\n';
    const { uri, diagnostics } = await open('Dockerfile', 'dockerfile', text);
    const d = diagnostics.find((x) => x.code === 'user-root')!;
    const action = (await actionsFor(uri, d)).find((a) => a.title.startsWith('Ignore user-root for this line'));
    const edit = action!.edit!.documentChanges![0];
    assert.deepEqual(edit.textDocument, { uri, version: 1 });
    assert.ok('snippet' in edit.edits![0] && edit.edits![0].snippet.value.includes('-- ${1:reason}'), 'reason is a snippet placeholder');
    const fixed = editOf(action, text);
    assert.equal(fixed, 'FROM node:22\nRUN echo hi\n# shipshape ignore=user-root -- reason\nUSER \\\n  root\nCMD ["node"]\n');
    assert.deepEqual(await change(uri, 2, fixed), []);
  });

  it('"Ignore in this file" writes a global ignore below the parser directives', async () => {
    const text = '# syntax=docker/dockerfile:1\nFROM nginx:latest AS a\nFROM nginx:latest\nUSER 10001\n';
    const { uri, diagnostics } = await open('Dockerfile', 'dockerfile', text);
    assert.equal(diagnostics.length, 2);
    const action = (await actionsFor(uri, diagnostics[1])).find((a) => a.title === 'Ignore image-latest-tag in this file');
    const fixed = editOf(action, text);
    assert.equal(fixed.split('\n')[1], '# shipshape global ignore=image-latest-tag -- reason');
    assert.deepEqual(await change(uri, 2, fixed), []);
  });

  it('YAML: the comment goes above the node at its indentation; Kubernetes objects also get the annotation', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext:\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n        privileged: true\n';
    const { uri, diagnostics } = await open('pod.yaml', 'yaml', text);
    const d = diagnostics.find((x) => x.code === 'privileged')!;
    const actions = await actionsFor(uri, d);
    const line = editOf(actions.find((a) => a.title === 'Ignore privileged for this line (with reason)'), text);
    assert.ok(line.includes('        allowPrivilegeEscalation: false\n        # shipshape ignore=privileged -- reason\n        privileged: true\n'), line);
    const annotation = editOf(actions.find((a) => a.title === 'Ignore privileged for Pod "p" (annotation with reason)'), text);
    assert.ok(annotation.includes('metadata:\n  name: p\n  annotations:\n    ignore.shipshape.dev/privileged: "reason"\nspec:'), annotation);
    assert.deepEqual(await change(uri, 2, annotation), []);
    assert.deepEqual(await change(uri, 3, line), []);
  });

  it('"Disable in .shipshape.yaml" creates the rules file at the workspace root, or edits the nearest one', async () => {
    const { uri, diagnostics } = await open('compose.yaml', 'dockercompose', 'services:\n  a:\n    image: x:1\n    privileged: true\n');
    const d = diagnostics.find((x) => x.code === 'privileged')!;
    const create = (await actionsFor(uri, d)).find((a) => a.title === 'Disable privileged in .shipshape.yaml')!;
    const rootFile = pathToFileURL(join(workspace, '.shipshape.yaml')).href;
    assert.deepEqual(create.edit!.documentChanges![0], { kind: 'create', uri: rootFile, options: { ignoreIfExists: true } });
    assert.equal(applyEdits('', create.edit!.documentChanges![1].edits as TextEdit[]), 'rules:\n  privileged: off\n');

    const project = join(workspace, `p${n}`);
    writeFileSync(join(project, '.shipshape.yaml'), 'extends: recommended\nrules:\n  user-root: warning\n');
    const edit = (await actionsFor(uri, d)).find((a) => a.title === 'Disable privileged in .shipshape.yaml')!;
    const [change] = edit.edit!.documentChanges!;
    assert.deepEqual(change.textDocument, { uri: pathToFileURL(join(project, '.shipshape.yaml')).href, version: null });
    assert.equal(applyEdits('extends: recommended\nrules:\n  user-root: warning\n', change.edits as TextEdit[]), 'extends: recommended\nrules:\n  user-root: warning\n  privileged: off\n');
  });

  it('hover on a diagnostic shows the summary, why it matters and the aka ids; elsewhere nothing', async () => {
    const { uri, diagnostics } = await open('Dockerfile', 'dockerfile', 'FROM nginx:latest\nUSER 10001\n');
    const d = diagnostics[0];
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    assert.equal(hover?.contents.kind, 'markdown');
    assert.match(hover!.contents.value, /\*\*image-latest-tag\*\*/);
    assert.match(hover!.contents.value, /Why it matters:\* `latest` is whatever was pushed last/);
    assert.match(hover!.contents.value, /`DL3007`, `CKV_DOCKER_7`/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }), null);
  });

  it('an unused ignore is reported with a safe, preferred removal', async () => {
    const text = 'FROM nginx:1\n# shipshape ignore=image-latest-tag -- pinned since\nUSER 10001\n';
    const { uri, diagnostics } = await open('Dockerfile', 'dockerfile', text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['unused-ignore', 3, 1]]);
    const removal = (await actionsFor(uri, diagnostics[0])).find((a) => a.title === 'Remove the unused ignore')!;
    assert.equal(removal.isPreferred, true);
    assert.equal(editOf(removal, text), 'FROM nginx:1\nUSER 10001\n');
  });
});
