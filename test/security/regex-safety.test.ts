import assert from 'node:assert/strict';
import { check, type Diagnostics } from 'recheck';
import { lint } from '../../server/src/engine/lint';
import { sourceRegexes, type SourceRegex } from './regex-sources';

/**
 * Regular-expression safety. Every regex written in the server's sources is analysed with recheck
 * (an automata-based ReDoS checker; it runs offline, with its native binary when installed, else in
 * JavaScript). Exponential backtracking fails the test outright. Super-linear (polynomial) ones
 * are listed below with the linear rewrite they need, until their owners fix them: the test fails
 * on any new one, and on a listed one that is gone (so the list only shrinks). Crafted worst-case
 * lines then go through lint with a generous bound (a hang detector, not a benchmark).
 */
const KNOWN_SUPERLINEAR: Array<{ file: string; source: string; fix: string }> = [
  { file: 'server/src/analysis/secrets.ts', source: String.raw`\beyJ[A-Za-z0-9_-]{10,4096}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,4096}`, fix: 'bounded (4096), acceptable; or split the token on "." first' },
  { file: 'server/src/analysis/url-credentials.ts', source: String.raw`\b([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\/([^\s:@/?#'"` + '`' + String.raw`<>\\]{0,256}):([^\s@/?#'"` + '`' + String.raw`<>\\]{1,256})@([A-Za-z0-9[][^\s/?#:'"` + '`' + String.raw`<>@\\]{0,254})`, fix: 'bounded repetitions, acceptable; or find "://" first' },
];

/** Keyed by the pattern alone, so moving a regex between modules does not churn the list. */
const key = (r: { source: string }) => `/${r.source}/`;

describe('regular-expression safety', function () {
  this.timeout(180_000);
  const { literals, dynamic } = sourceRegexes();
  const results = new Map<string, Diagnostics>();

  before(async () => {
    const unique = [...new Map(literals.map((r) => [`${r.source}/${r.flags}`, r])).values()];
    for (const r of unique) results.set(`${r.source}/${r.flags}`, await check(r.source, r.flags, { timeout: 20_000 }));
  });

  const resultOf = (r: SourceRegex) => results.get(`${r.source}/${r.flags}`)!;

  it('finds the regexes of the rules and analysis modules', () => {
    assert.ok(literals.length > 100, `found ${literals.length}`);
    assert.ok(literals.some((r) => r.file.startsWith('server/src/rules/')));
    assert.ok(literals.some((r) => r.file.startsWith('server/src/analysis/')));
  });

  it('no regex backtracks exponentially', () => {
    const exponential = literals.filter((r) => {
      const d = resultOf(r);
      return d.status === 'vulnerable' && d.complexity.type === 'exponential';
    });
    assert.deepEqual(exponential.map((r) => `${r.file}:${r.line} /${r.source}/ attack ${JSON.stringify((resultOf(r) as { attack: { pattern: string } }).attack.pattern)}`), []);
  });

  it('no new super-linear regex (the known ones are listed with their linear rewrite)', () => {
    const known = new Set(KNOWN_SUPERLINEAR.map(key));
    const found = literals.filter((r) => resultOf(r).status === 'vulnerable');
    const unlisted = found.filter((r) => !known.has(key(r)));
    assert.deepEqual(
      unlisted.map((r) => `${r.file}:${r.line} /${r.source}/${r.flags} attack ${JSON.stringify((resultOf(r) as { attack: { pattern: string } }).attack.pattern)}`),
      [],
      'make these linear (no overlapping quantifiers; use indexOf/loops for "x+$"-style trims)',
    );
    const gone = [...new Map(KNOWN_SUPERLINEAR.map((k) => [key(k), k])).values()].filter((k) => !found.some((r) => key(r) === key(k)));
    assert.deepEqual(gone.map(key), [], 'fixed: remove them from KNOWN_SUPERLINEAR');
  });

  it('every regex could be analysed', () => {
    const unknown = literals.filter((r) => resultOf(r).status === 'unknown');
    assert.deepEqual(unknown.map((r) => `${r.file}:${r.line} /${r.source}/ ${JSON.stringify((resultOf(r) as { error?: unknown }).error)}`), []);
  });

  it('patterns built at run time escape their input', () => {
    // Each dynamic RegExp interpolates a name matched by \w+ (or escaped): listed so a new one is reviewed.
    assert.deepEqual(
      dynamic.map((d) => d.file),
      ['server/src/rules/secret-in-env.ts'],
      `review: ${dynamic.map((d) => `${d.file}:${d.line} ${d.text}`).join('; ')}`,
    );
  });

  describe('crafted worst-case lines through lint', () => {
    const BOUND_MS = 2000;
    const cases: Array<[string, string, string]> = [
      ['Helm detection: "{{" repeated', 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    command: "' + '{{'.repeat(100_000) + '"\n'],
      ['"{{" with no closing braces in a manifest', 'pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: a, image: "' + '{{ '.repeat(60_000) + '"}]\n'],
      ['a long run of spaces in RUN', 'Dockerfile', 'FROM nginx:1.27\nRUN echo' + ' '.repeat(200_000) + 'x\nUSER 10001\n'],
      ['a long word of letters in RUN', 'Dockerfile', 'FROM nginx:1.27\nRUN ' + 'a'.repeat(200_000) + '\nUSER 10001\n'],
      ['a long comment line', 'compose.yaml', '#' + ' #'.repeat(200_000) + '\nservices:\n  web:\n    image: nginx:1.27\n'],
      ['a long plain scalar of colons', 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    x: "' + ':'.repeat(200_000) + '"\n'],
    ];
    for (const [name, path, text] of cases) {
      it(name, () => {
        const start = performance.now();
        lint(text, { path });
        const elapsed = performance.now() - start;
        assert.ok(elapsed < BOUND_MS, `${name}: ${Math.round(elapsed)} ms (bound ${BOUND_MS} ms)`);
      });
    }
  });
});
