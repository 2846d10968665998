import type { Resolution } from '../config/resolve';
import type { Profile } from '../engine/types';

/**
 * `shipshape/activeConfig` {uri} → ActiveConfig: what the client's status bar shows for a document —
 * the profile in force and the rules file it comes from. Answered from the same resolution the
 * linting uses (open buffers of rules files included), so the status never disagrees with the squiggles.
 */
export const ACTIVE_CONFIG_REQUEST = 'shipshape/activeConfig';

export interface ActiveConfigParams {
  uri: string;
}

export interface ActiveConfig {
  profile: Profile;
  /** Absolute path of the rules file in force; absent when none applies (defaults or the settings). */
  rulesFile?: string;
  /** Problems in the rules file's current text (its last good values stay in force meanwhile). */
  rulesFileProblems: number;
  /** The document matches the rules file's `ignorePaths`: it is not linted. */
  ignored: boolean;
}

export function activeConfig(resolution: Resolution): ActiveConfig {
  const { config, rulesFile, ignored } = resolution;
  return {
    profile: config.profile,
    ...(rulesFile ? { rulesFile: rulesFile.path } : {}),
    rulesFileProblems: rulesFile?.problems.length ?? 0,
    ignored,
  };
}
