import type { ResolvedConfig } from '../config/types';
import { allRules } from '../rules';
import { ruleProfile, ruleSeverity, type Rule } from './rule';
import type { FileKind, Severity } from './types';

const byId = new Map<string, Rule>(allRules.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleIds(): string[] {
  return [...byId.keys()];
}

export interface ActiveRule {
  rule: Rule;
  /** The user's severity from the rules file, which wins over the rule's own choice. */
  userSeverity?: Severity;
  defaultSeverity: Severity;
  options: Record<string, unknown>;
}

/** The rules that apply to a file kind under a configuration, with their severities. */
/** Per configuration object (configurations are not changed once resolved), rule set and kind. */
const activeCache = new WeakMap<ResolvedConfig, WeakMap<readonly Rule[], Partial<Record<FileKind, ActiveRule[]>>>>();

/** The rules that run on a kind of file under a configuration, with their severities and options. */
export function activeRules(kind: FileKind, config: ResolvedConfig, rules: readonly Rule[] = allRules): ActiveRule[] {
  let byRules = activeCache.get(config);
  if (!byRules) activeCache.set(config, (byRules = new WeakMap()));
  let byKind = byRules.get(rules);
  if (!byKind) byRules.set(rules, (byKind = {}));
  return (byKind[kind] ??= computeActiveRules(kind, config, rules));
}

function computeActiveRules(kind: FileKind, config: ResolvedConfig, rules: readonly Rule[]): ActiveRule[] {
  const out: ActiveRule[] = [];
  for (const rule of rules) {
    if (!rule.meta.kinds.includes(kind) || !rule[kind]) continue;
    const setting = config.rules[rule.meta.id];
    const level = setting?.level;
    if (level === 'off') continue;
    if (rule.meta.activeWhen && !rule.meta.activeWhen(config)) continue;
    if (!level && ruleProfile(rule.meta, kind) === 'strict' && config.profile !== 'strict') continue;
    out.push({
      rule,
      userSeverity: level,
      defaultSeverity: ruleSeverity(rule.meta, kind, config.profile),
      options: setting?.options ?? {},
    });
  }
  return out;
}
