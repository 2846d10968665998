import assert from 'node:assert/strict';
import { LintScheduler } from '../../server/src/lsp/scheduler';

/** Resolves when the scheduler has run `count` lints; the runs are recorded with their text version. */
function recorder(count: number) {
  const runs: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const run = (uri: string) => {
    runs.push(uri);
    if (runs.length === count) done();
  };
  return { runs, finished, run };
}

describe('LintScheduler', () => {
  it('lints the first change at once and coalesces changes made before it runs', async () => {
    const { runs, finished, run } = recorder(1);
    const scheduler = new LintScheduler(run);
    scheduler.schedule('a');
    scheduler.schedule('a');
    scheduler.schedule('a');
    await finished;
    assert.deepEqual(runs, ['a']);
  });

  it('keeps documents apart', async () => {
    const { runs, finished, run } = recorder(2);
    const scheduler = new LintScheduler(run);
    scheduler.schedule('a');
    scheduler.schedule('b');
    await finished;
    assert.deepEqual(runs.sort(), ['a', 'b']);
  });

  it('a forgotten document is not linted', async () => {
    const { runs, finished, run } = recorder(1);
    const scheduler = new LintScheduler(run);
    scheduler.schedule('closed');
    scheduler.forget('closed');
    scheduler.schedule('open');
    await finished;
    assert.deepEqual(runs, ['open']);
  });
});
