import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp-client';

describe('rules file with Red Hat YAML present', function () {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'shipshape-yamlext-')));
    client = new LspClient();
    await client.initialize({ rootPath: root, initializationOptions: { yamlExtension: true } });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('leaves completion and hover to the YAML extension but still reports mistakes', async () => {
    const uri = pathToFileURL(join(root, '.shipshape.yaml')).href;
    const published = client.nextDiagnostics(uri);
    client.open(uri, 'yaml', 'rules:\n  image-latest-tg: off\n  ');
    const { diagnostics } = await published;
    assert.ok(diagnostics.some((d) => /Unknown rule "image-latest-tg"/.test(d.message)), 'the mistake is still reported');
    const completion = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.equal(completion, null);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } });
    assert.equal(hover, null);
  });
});
