import type { Profile, Severity } from '../engine/types';

export type RuleLevel = Severity | 'off';

export interface RuleSetting {
  /** Set by the user; when absent the rule's default for the profile applies. */
  level?: RuleLevel;
  options?: Record<string, unknown>;
}

/** The policy in force for one file: the rules file (or defaults) after overrides. */
export interface ResolvedConfig {
  profile: Profile;
  rules: Record<string, RuleSetting>;
  /** Registry allow-list; `image-untrusted-registry` is active only when this is set. */
  trustedRegistries?: string[];
  /** Team pins: image name (as written, without tag) → tag the fixes write. */
  images: Record<string, string>;
  /** Base images known to run as a non-root user (globs). */
  nonRootBaseImages: string[];
  allowInlineIgnores: boolean;
  /** Absolute path of the rules file this configuration comes from; absent when none applies. */
  rulesFile?: string;
}

export function defaultConfig(profile: Profile = 'recommended'): ResolvedConfig {
  return { profile, rules: {}, images: {}, nonRootBaseImages: [], allowInlineIgnores: true };
}
