import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { MAX_RESTARTS, RestartPolicy, RESTART_WINDOW_MS } from '../../client/src/restart';
import { LspClient } from '../helpers/lsp-client';

describe('client restart policy', () => {
  it('restarts a crashed server up to 4 times in 3 minutes, saying so each time, then stops with a message', () => {
    const log: string[] = [];
    let now = 0;
    const policy = new RestartPolicy((m) => log.push(m), () => now);
    for (let i = 1; i <= MAX_RESTARTS; i++) {
      now += 1000;
      const result = policy.closed();
      assert.equal(result.action, 2, 'Restart');
      assert.equal(result.handled, true);
      assert.match(log.at(-1)!, new RegExp(`stopped unexpectedly; restarting it \\(restart ${i} of 4`));
    }
    now += 1000;
    const last = policy.closed();
    assert.equal(last.action, 1, 'DoNotRestart');
    assert.match(last.message!, /stopped 5 times in 3 minutes and will not be restarted/);
    assert.equal(log.length, MAX_RESTARTS + 1);
  });

  it('crashes spread over more than 3 minutes keep being restarted', () => {
    let now = 0;
    const policy = new RestartPolicy(() => {}, () => now);
    for (let i = 0; i < 20; i++) {
      now += RESTART_WINDOW_MS / 2;
      assert.equal(policy.closed().action, 2);
    }
  });

  it('tolerates three transport errors in a row, then shuts down', () => {
    const log: string[] = [];
    const policy = new RestartPolicy((m) => log.push(m));
    assert.equal(policy.error(new Error('EPIPE'), undefined, 1).action, 1);
    assert.equal(policy.error(new Error('EPIPE'), undefined, 3).action, 1);
    assert.equal(policy.error(new Error('EPIPE'), undefined, 4).action, 2);
    assert.match(log.join('\n'), /EPIPE/);
  });
});

describe('a killed server and a fresh one', function () {
  this.timeout(30_000);

  it('the server keeps no state the client cannot give back: a new server re-sent the documents lints them the same', async () => {
    const uri = pathToFileURL('/work/restart/Dockerfile').href;
    const text = 'FROM nginx:latest\nUSER root\n';
    const first = new LspClient();
    await first.initialize();
    let published = first.nextDiagnostics(uri, 1);
    first.open(uri, 'dockerfile', text);
    const before = (await published).diagnostics.map((d) => [d.code, d.range]);
    const exited = first.exited;
    first.kill();
    await exited;
    // What vscode-languageclient does on CloseAction.Restart: start a server, initialize, re-open the editor's documents.
    const second = new LspClient();
    try {
      await second.initialize();
      published = second.nextDiagnostics(uri, 1);
      second.open(uri, 'dockerfile', text);
      assert.deepEqual((await published).diagnostics.map((d) => [d.code, d.range]), before);
    } finally {
      await second.stop();
    }
  });
});
