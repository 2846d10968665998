import { allRules } from '../rules';
import { ruleProfile, ruleSeverity } from '../engine/rule';
import type { FileKind } from '../engine/types';

const SHORT: Record<FileKind, string> = { dockerfile: 'D', compose: 'C', kubernetes: 'K' };

/** `shipshape rules`: the catalog as the registry knows it. */
export function rulesCatalog(format: 'text' | 'json'): string {
  const rows = allRules.map((rule) => ({
    id: rule.meta.id,
    kinds: [...rule.meta.kinds],
    profile: rule.meta.kinds.map((k) => `${SHORT[k]}:${ruleProfile(rule.meta, k)}`),
    severity: Object.fromEntries(rule.meta.kinds.map((k) => [k, ruleSeverity(rule.meta, k, 'recommended')])),
    fixable: rule.meta.fixable,
    summary: rule.meta.docs.summary,
    aka: rule.meta.docs.aka,
  }));
  if (format === 'json') {
    return JSON.stringify(
      rows.map((r) => ({ id: r.id, kinds: r.kinds, profile: Object.fromEntries(r.kinds.map((k, i) => [k, r.profile[i].split(':')[1]])), severity: r.severity, fixable: r.fixable, summary: r.summary, aka: r.aka })),
      null,
      2,
    );
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map((r) => {
    const kinds = r.kinds.map((k) => SHORT[k]).join('');
    const profile = [...new Set(r.profile.map((p) => p.split(':')[1]))].join('/');
    const severity = [...new Set(Object.values(r.severity))].join('/');
    return `${r.id.padEnd(width)}  ${kinds.padEnd(3)}  ${profile.padEnd(18)}  ${severity.padEnd(13)}  ${r.fixable ? 'fix' : '   '}  ${r.summary}`;
  });
  return [`${'id'.padEnd(width)}  kinds  profile             severity       fix  summary`, ...lines, '', `${rows.length} rules.`].join('\n');
}
