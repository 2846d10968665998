import type { Profile } from '../engine/types';
import type { ParsedRulesFile, RulesFileData } from './parse';
import type { ResolvedConfig, RuleSetting } from './types';

/**
 * The data in force after a parse: a file that cannot be read at all keeps the last good data; a
 * refused value keeps its last good value; everything valid applies.
 */
export function dataInForce(parsed: ParsedRulesFile, lastGood: RulesFileData | undefined): RulesFileData {
  if (parsed.fatal) return lastGood ?? parsed.data;
  if (!lastGood || parsed.refused.size === 0) return parsed.data;
  const data: RulesFileData = { ...parsed.data, rules: { ...parsed.data.rules } };
  for (const key of parsed.refused) {
    if (key.startsWith('rules.')) {
      const id = key.slice('rules.'.length);
      if (lastGood.rules[id]) data.rules[id] = lastGood.rules[id];
    } else if (key === 'rules') {
      data.rules = { ...lastGood.rules };
    } else if (key in lastGood) {
      (data as unknown as Record<string, unknown>)[key] = (lastGood as unknown as Record<string, unknown>)[key];
    }
  }
  return data;
}

/** Later settings win; a severity alone keeps the options set earlier. */
export function mergeRules(base: Record<string, RuleSetting>, over: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const out = { ...base };
  for (const [id, setting] of Object.entries(over)) out[id] = { ...out[id], ...setting, options: setting.options ?? out[id]?.options };
  return out;
}

/** The configuration for a file given the overrides that match it (in file order). */
export function buildConfig(data: RulesFileData | undefined, matching: readonly number[], fallbackProfile: Profile, rulesFile?: string): ResolvedConfig {
  let rules: Record<string, RuleSetting> = data ? { ...data.rules } : {};
  for (const index of matching) rules = mergeRules(rules, data!.overrides[index].rules);
  for (const id of Object.keys(rules)) if (rules[id].options === undefined) delete rules[id].options;
  return {
    profile: data?.extends ?? fallbackProfile,
    rules,
    trustedRegistries: data?.trustedRegistries,
    images: { ...data?.images },
    nonRootBaseImages: [...(data?.nonRootBaseImages ?? [])],
    allowInlineIgnores: data?.allowInlineIgnores ?? true,
    rulesFile,
  };
}
