import { allRules } from '../rules';
import { splitTrailingDigits } from '../analysis/text-scan';

/**
 * Foreign rule ids (the catalog's "aka" column) → Shipshape rule ids, so an ignore written for
 * hadolint, Trivy, Checkov or kube-linter silences the equivalent Shipshape rule too.
 *
 * aka entries are written for people: `CKV_K8S_10…13`, `CKV2_DOCKER_2…6, 12…16`, `CKV_K8S_157, 158`,
 * `CKV_SECRET_*`, `kube-linter privileged-container`. They are expanded here once.
 */
export type ForeignTool = 'hadolint' | 'trivy' | 'checkov' | 'kube-linter';

interface AkaIndex {
  exact: Map<string, string[]>;
  prefixes: Array<{ prefix: string; ruleId: string }>;
}

let index: AkaIndex | undefined;

function akaIndex(): AkaIndex {
  if (index) return index;
  const built: AkaIndex = { exact: new Map(), prefixes: [] };
  const add = (key: string, ruleId: string): void => {
    const list = built.exact.get(key) ?? [];
    if (!list.includes(ruleId)) list.push(ruleId);
    built.exact.set(key, list);
  };
  for (const rule of allRules) {
    for (const aka of rule.meta.docs.aka) {
      const kubeLinter = /^kube-linter\s+(\S+)$/i.exec(aka.trim());
      if (kubeLinter) {
        add(`kube-linter:${kubeLinter[1].toLowerCase()}`, rule.meta.id);
        continue;
      }
      for (const id of expandAka(aka)) {
        if (id.endsWith('*')) built.prefixes.push({ prefix: id.slice(0, -1), ruleId: rule.meta.id });
        else add(normalizeForeignId(id), rule.meta.id);
      }
    }
  }
  index = built;
  return built;
}

/** `CKV2_DOCKER_2…6, 12…16` → CKV2_DOCKER_2 … CKV2_DOCKER_6, CKV2_DOCKER_12 … CKV2_DOCKER_16. */
export function expandAka(aka: string): string[] {
  const out: string[] = [];
  let prefix = '';
  for (const raw of aka.split(',')) {
    const part = raw.trim().replace(/\.\.\./g, '…');
    if (!part || /\s/.test(part)) continue; // "PSS baseline", "Polaris x": no ignore form to match
    const withPrefix = /^\d/.test(part) && prefix ? prefix + part : part;
    const dots = withPrefix.indexOf('…');
    const first = dots > 0 ? splitTrailingDigits(withPrefix.slice(0, dots)) : undefined;
    const last = dots > 0 ? splitTrailingDigits(withPrefix.slice(dots + 1)) : undefined;
    if (first && last && last[0] === '') {
      prefix = first[0];
      const [from, to] = [Number(first[1]), Number(last[1])];
      const width = first[1].length;
      for (let n = from; n <= to && n - from < 100; n++) out.push(prefix + String(n).padStart(width, '0'));
      continue;
    }
    const single = splitTrailingDigits(withPrefix);
    if (single) prefix = single[0];
    out.push(withPrefix);
  }
  return out;
}

/** Trivy writes the same check as `DS-0001`, `DS001` or `AVD-DS-0001`; compare them as one. */
export function normalizeForeignId(id: string): string {
  const upper = id.trim().toUpperCase().replace(/^AVD-/, '');
  const trivy = /^(DS|KSV)-?(\d{1,4})$/.exec(upper);
  return trivy ? `${trivy[1]}-${trivy[2].padStart(4, '0')}` : upper;
}

/** The Shipshape rules a foreign id stands for (none when Shipshape has no equivalent). */
export function rulesForForeignId(tool: ForeignTool, id: string): string[] {
  const { exact, prefixes } = akaIndex();
  if (tool === 'kube-linter') return exact.get(`kube-linter:${id.toLowerCase()}`) ?? [];
  const key = normalizeForeignId(id);
  const found = exact.get(key) ?? [];
  const wild = prefixes.filter((p) => key.startsWith(p.prefix.toUpperCase())).map((p) => p.ruleId);
  return wild.length > 0 ? [...new Set([...found, ...wild])] : found;
}

/** The Shipshape rule(s) whose aka column names an id, for "did you mean" messages. */
export function rulesForAnyForeignId(id: string): string[] {
  const found = new Set<string>();
  for (const tool of ['hadolint', 'trivy', 'checkov', 'kube-linter'] as const) for (const r of rulesForForeignId(tool, id)) found.add(r);
  return [...found];
}
