import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../server/src/config/types';
import { getRule } from '../server/src/engine/registry';
import { allRules } from '../server/src/rules';
import { ruleProfile, ruleSeverity, type RuleMeta } from '../server/src/engine/rule';
import type { FileKind, Profile, Severity } from '../server/src/engine/types';
import { fake } from './helpers/fake-secrets';
import { findingsOf } from './helpers/rule-tester';

/**
 * Conformance of the registry with the rule catalog (shared/spec/rules.md, the product's contract):
 * every catalog row's kinds, profile and default severity per kind, whether it has a quick-fix, and
 * its "aka" ids; and every registered rule has a row.
 *
 * The catalog is read from ../shared/spec/rules.md beside the repository when it is there (CI clones
 * it so), else from the committed copy test/fixtures/rules-catalog.md; when both exist they must be
 * equal, so a catalog change cannot slip past the copy.
 */

const ROOT = join(__dirname, '..');
const SPEC = join(ROOT, '..', 'shared', 'spec', 'rules.md');
const COPY = join(__dirname, 'fixtures', 'rules-catalog.md');
const catalogText = readFileSync(existsSync(SPEC) ? SPEC : COPY, 'utf8');

const KIND: Record<string, FileKind> = { D: 'dockerfile', C: 'compose', K: 'kubernetes' };
const PROFILE: Record<string, Profile> = { R: 'recommended', S: 'strict' };
/** Rules that are not catalog rows (the suppression section describes them). */
const NOT_IN_TABLES = new Set(['unused-ignore']);

interface Row {
  id: string;
  kinds: FileKind[];
  notation: string;
  fix: string;
  aka: string;
}

/** `a | b \| c | d` → cells; `\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

function parseCatalog(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('| `')) continue;
    const c = cells(line);
    assert.equal(c.length, 6, `catalog row with ${c.length} columns: ${line}`);
    const id = /^`([a-z0-9-]+)`$/.exec(c[0])?.[1];
    assert.ok(id, `catalog row without an id: ${line}`);
    const kinds = c[1].split(/\s+/).map((k) => {
      assert.ok(KIND[k], `${id}: unknown kind "${k}"`);
      return KIND[k];
    });
    rows.push({ id, kinds, notation: c[2], fix: c[4], aka: c[5] });
  }
  return rows;
}

/** What the catalog says for one kind: the profile it is on in, its severity there and under `strict`. */
interface Expected {
  profile: Profile;
  severity: Severity;
  strictSeverity: Severity;
}

const SEVERITY = '(error|warning|info)';

/**
 * The simple notations: `R warning`, `S info`, `R warning (K: error)` (another severity for a kind),
 * `R info (S warning)` (another severity under strict), `D: R warning; C: S info` (per kind).
 */
function parseNotation(notation: string, kinds: FileKind[]): Map<FileKind, Expected> | undefined {
  const out = new Map<FileKind, Expected>();
  for (const segment of notation.split(/\s*;\s*/)) {
    const m = new RegExp(`^(?:([DCK](?:, ?[DCK])*): )?([RS]) ${SEVERITY}(?: \\((?:([DCK]): ${SEVERITY}|S ${SEVERITY})\\))?$`).exec(segment);
    if (!m) return undefined;
    const [, kindList, p, severity, overrideKind, overrideSeverity, strictSeverity] = m;
    const segmentKinds = kindList ? kindList.split(/, ?/).map((k) => KIND[k]) : kinds;
    for (const kind of segmentKinds) {
      const s = (kind === KIND[overrideKind] ? overrideSeverity : severity) as Severity;
      out.set(kind, { profile: PROFILE[p], severity: s, strictSeverity: (strictSeverity ?? s) as Severity });
    }
  }
  return out;
}

const same = (kinds: FileKind[], e: Expected) => new Map(kinds.map((k) => [k, e]));
const k8sPod = (container: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n${container}`;

/**
 * Notations with a condition the grammar above does not read. Each is keyed by its exact text, so a
 * catalog edit to one of them fails here until the table is updated. `check` covers the part of the
 * notation that is about particular findings (a per-finding severity) or about activation.
 */
const SPECIAL: Record<string, { expected: (kinds: FileKind[]) => Map<FileKind, Expected>; check: (meta: RuleMeta) => void }> = {
  'R error, active only when `trustedRegistries` is set': {
    expected: (kinds) => same(kinds, { profile: 'recommended', severity: 'error', strictSeverity: 'error' }),
    check: (meta) => {
      assert.ok(meta.activeWhen, `${meta.id}: has no activeWhen`);
      assert.equal(meta.activeWhen(defaultConfig()), false, `${meta.id}: active without trustedRegistries`);
      assert.equal(meta.activeWhen({ ...defaultConfig(), trustedRegistries: ['registry.example.com'] }), true, `${meta.id}: inactive with trustedRegistries`);
    },
  },
  'K: R warning (error when explicitly `true`); C: S warning': {
    expected: () =>
      new Map([
        ['kubernetes', { profile: 'recommended', severity: 'warning', strictSeverity: 'warning' }],
        ['compose', { profile: 'strict', severity: 'warning', strictSeverity: 'warning' }],
      ]),
    check: (meta) => {
      const severities = (line: string) => findingsOf(meta.id, 'pod.yaml', k8sPod(line), { profile: 'recommended' }).map((f) => f.severity);
      assert.deepEqual(severities('      securityContext:\n        allowPrivilegeEscalation: true\n'), ['error']);
      assert.deepEqual(severities(''), ['warning']);
    },
  },
  'R: D warning (error with a literal default); C, K error': {
    expected: () =>
      new Map([
        ['dockerfile', { profile: 'recommended', severity: 'warning', strictSeverity: 'warning' }],
        ['compose', { profile: 'recommended', severity: 'error', strictSeverity: 'error' }],
        ['kubernetes', { profile: 'recommended', severity: 'error', strictSeverity: 'error' }],
      ]),
    check: (meta) => {
      const severities = (arg: string) => findingsOf(meta.id, 'Dockerfile', `FROM a:1\n${arg}\n`, { profile: 'recommended' }).map((f) => f.severity);
      assert.deepEqual(severities(`ARG DB_PASSWORD=${fake.password()}`), ['error']);
      assert.deepEqual(severities('ARG DB_PASSWORD'), ['warning']);
    },
  },
  'S info (K memory: S warning)': {
    expected: (kinds) => same(kinds, { profile: 'strict', severity: 'info', strictSeverity: 'info' }),
    check: (meta) => {
      const severities = (resources: string) => findingsOf(meta.id, 'pod.yaml', k8sPod(resources), { profile: 'strict' }).map((f) => f.severity);
      assert.deepEqual(severities(''), ['warning'], 'memory limit missing');
      assert.deepEqual(severities('      resources:\n        limits:\n          memory: 256Mi\n'), ['info'], 'only the CPU limit missing');
    },
  },
};

/** An aka cell → its ids: `CKV2_DOCKER_2…6, 12…16` → CKV2_DOCKER_2 … CKV2_DOCKER_16; `(none of the anchors)`, `—` → none. */
function akaIds(aka: string): string[] {
  if (aka === '—' || /^\(none/.test(aka)) return [];
  const out: string[] = [];
  let prefix = '';
  for (const raw of aka.split(',')) {
    const part = raw.trim().replace(/\s+/g, ' ').replace(/\.\.\./g, '…');
    if (!part) continue;
    const id = /^\d/.test(part) && prefix ? prefix + part : part;
    const range = /^(\S*?)(\d+)…(\d+)$/.exec(id);
    if (range) {
      prefix = range[1];
      const width = range[2].length;
      for (let n = Number(range[2]); n <= Number(range[3]); n++) out.push(prefix + String(n).padStart(width, '0'));
      continue;
    }
    prefix = /^(\S*?)\d+$/.exec(id)?.[1] ?? '';
    out.push(id);
  }
  return out;
}

/**
 * The catalog writes `checkov CKV_SECRET_*` for readers; the rule lists the bare pattern, which is what
 * `# checkov:skip=CKV_SECRET_6` is matched against. Every other qualifier (`kube-linter <check>`,
 * `BuildKit …`, `Polaris …`) is listed as the catalog writes it.
 */
const DROPPABLE_QUALIFIER = /^checkov (\S+)$/;

const rows = parseCatalog(catalogText);

describe('rule catalog conformance (shared/spec/rules.md)', () => {
  it('the committed copy of the catalog equals the spec', function () {
    if (!existsSync(SPEC)) this.skip();
    assert.equal(readFileSync(COPY, 'utf8'), readFileSync(SPEC, 'utf8'), 'test/fixtures/rules-catalog.md is stale: copy shared/spec/rules.md over it');
  });

  it('has the catalog tables', () => {
    assert.ok(rows.length >= 70, `only ${rows.length} catalog rows parsed`);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'duplicate ids in the catalog');
  });

  it('every registered rule is in the catalog', () => {
    const ids = new Set(rows.map((r) => r.id));
    assert.deepEqual(allRules.map((r) => r.meta.id).filter((id) => !ids.has(id) && !NOT_IN_TABLES.has(id)), []);
  });

  for (const row of rows) {
    describe(row.id, () => {
      const meta = () => {
        const rule = getRule(row.id);
        assert.ok(rule, `${row.id} is in the catalog but not registered`);
        return rule.meta;
      };

      it(`kinds ${row.kinds.join(', ')}`, () => {
        assert.deepEqual([...meta().kinds].sort(), [...row.kinds].sort());
      });

      it(`profile and severity: ${row.notation}`, () => {
        const special = SPECIAL[row.notation];
        const expected = special ? special.expected(row.kinds) : parseNotation(row.notation, row.kinds);
        assert.ok(expected, `unrecognised notation "${row.notation}": extend parseNotation or SPECIAL`);
        assert.deepEqual([...expected.keys()].sort(), [...row.kinds].sort(), 'the notation covers other kinds than the row');
        const m = meta();
        for (const [kind, e] of expected) {
          assert.equal(ruleProfile(m, kind), e.profile, `${kind} profile`);
          if (e.profile === 'recommended') assert.equal(ruleSeverity(m, kind, 'recommended'), e.severity, `${kind} severity (recommended)`);
          assert.equal(ruleSeverity(m, kind, 'strict'), e.strictSeverity, `${kind} severity (strict)`);
        }
        if (!special) assert.equal(m.activeWhen, undefined, 'the catalog does not make this rule conditional');
        special?.check(m);
      });

      it(`fixable: ${row.fix === '—' ? 'no' : 'yes'}`, () => {
        assert.equal(meta().fixable, row.fix !== '—', `catalog fix column: ${row.fix}`);
      });

      it('lists the catalog aka ids, and no others', () => {
        const bare = (id: string) => DROPPABLE_QUALIFIER.exec(id)?.[1] ?? id;
        const listed = meta().docs.aka.flatMap(akaIds);
        const catalog = akaIds(row.aka);
        const missing = catalog.filter((id) => !listed.includes(id) && !listed.includes(bare(id)));
        assert.deepEqual(missing, [], `meta.docs.aka is ${JSON.stringify(meta().docs.aka)}`);
        const extra = listed.filter((id) => !catalog.some((c) => c === id || bare(c) === id));
        assert.deepEqual(extra, [], `not in the catalog's aka column: ${row.aka}`);
      });
    });
  }
});
