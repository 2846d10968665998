import assert from 'node:assert/strict';
import { forgetDocument, lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';
import type { Rule } from '../../server/src/engine/rule';
import { editRandomLine } from '../helpers/random-edits';
import { configWith } from '../helpers/rule-tester';

/**
 * Re-linting a multi-document YAML file after an edit reuses the results of the documents the edit
 * did not touch; what is kept belongs to the document (by path), stays small, and goes when the
 * editor closes the document. Each version must get exactly what a fresh lint gets.
 */
const config = configWith({ profile: 'strict' });
const PATH = '/work/incremental/k8s/all.yaml';

const pod = (i: number, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: nginx:latest${extra}\n`;
const file = (n: number, edited = -1, extra = '') => Array.from({ length: n }, (_, i) => pod(i, i === edited ? extra : '')).join('---\n');

/** The rule set with image-latest-tag counting the Kubernetes objects it is run on. */
function countingRules(): { rules: Rule[]; calls: () => number; reset: () => void } {
  let calls = 0;
  const rules = allRules.map((rule) =>
    rule.meta.id === 'image-latest-tag' ? { ...rule, kubernetes: (ctx: Parameters<NonNullable<Rule['kubernetes']>>[0]) => ((calls += 1), rule.kubernetes!(ctx)) } : rule,
  );
  return { rules, calls: () => calls, reset: () => (calls = 0) };
}

describe('incremental YAML linting', () => {
  beforeEach(() => forgetDocument(PATH));

  it('an edit in one document runs the rules on that document only', () => {
    const counting = countingRules();
    lint(file(5), { path: PATH, config, rules: counting.rules });
    assert.equal(counting.calls(), 5, 'the first lint runs every object');
    counting.reset();
    lint(file(5, 2, '\n      securityContext: {privileged: true}'), { path: PATH, config, rules: counting.rules });
    assert.equal(counting.calls(), 1, 'the next lint runs only the edited document');
    counting.reset();
    lint(file(5, 2), { path: PATH, config, rules: counting.rules });
    assert.equal(counting.calls(), 0, 'typing back to the previous text reuses its results');
  });

  it('forgetting the document (the editor closed it) drops what it kept', () => {
    const counting = countingRules();
    lint(file(3), { path: PATH, config, rules: counting.rules });
    forgetDocument(PATH);
    counting.reset();
    lint(file(3), { path: PATH, config, rules: counting.rules });
    assert.equal(counting.calls(), 3);
  });

  it('keeps the current documents and a few earlier versions only', () => {
    const counting = countingRules();
    const versions = Array.from({ length: 12 }, (_, v) => file(4, 1, `\n      workingDir: /v${v}`));
    for (const text of versions) lint(text, { path: PATH, config, rules: counting.rules });
    counting.reset();
    lint(versions[10], { path: PATH, config, rules: counting.rules });
    assert.equal(counting.calls(), 0, 'a version of two edits ago is still kept');
    lint(versions[0], { path: PATH, config, rules: counting.rules });
    assert.equal(counting.calls(), 1, 'one of twelve edits ago is gone: its document is linted again');
  });

  it('documents are kept per path: another file with the same text is linted on its own', () => {
    const counting = countingRules();
    lint(file(2), { path: PATH, config, rules: counting.rules });
    counting.reset();
    lint(file(2), { path: '/work/incremental/k8s/copy.yaml', config, rules: counting.rules });
    assert.equal(counting.calls(), 2);
    forgetDocument('/work/incremental/k8s/copy.yaml');
  });

  it('incremental: false neither reuses nor keeps anything', () => {
    const counting = countingRules();
    lint(file(3), { path: PATH, config, rules: counting.rules, incremental: false });
    lint(file(3), { path: PATH, config, rules: counting.rules, incremental: false });
    assert.equal(counting.calls(), 6);
    counting.reset();
    lint(file(3), { path: PATH, config, rules: counting.rules });
    assert.equal(counting.calls(), 3, 'nothing was kept by the non-incremental lints');
  });

  it('matches a fresh lint across many random edits of a multi-document file', async () => {
    const generator: string = '../../scripts/bench/generate.mjs';
    const gen = (await import(generator)) as { genK8s(lines: number, seed: number): string; mulberry32(seed: number): () => number };
    const random = gen.mulberry32(0xa11);
    const snippets = ['---', '      privileged: true', '  hostNetwork: true', 'kind: Secret', '        image: nginx', '  - name: TOKEN', 'x: [', '', '# shipshape ignore=image-latest-tag -- test'];
    let lines = gen.genK8s(400, 7).split('\n');
    for (let step = 0; step < 150; step++) {
      editRandomLine(lines, random, snippets);
      if (step % 50 === 49) lines = gen.genK8s(400, step).split('\n');
      const text = lines.join('\n');
      const incremental = lint(text, { path: PATH, config });
      assert.deepEqual(incremental, lint(text, { path: PATH, config, incremental: false }), `step ${step}:\n${text}`);
    }
  });
});
