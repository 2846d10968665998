import { defaultConfig, type ResolvedConfig } from './types';
import type { Profile } from '../engine/types';

export interface ConfigRequest {
  /** The file being linted (absolute path). */
  filePath?: string;
  /** An explicit rules file (`--config`, `shipshape.rulesFile`). */
  configPath?: string;
  /** Profile from the command line or the editor settings, used when no rules file says otherwise. */
  profile?: Profile;
}

/** The configuration in force for a file. */
export function resolveConfig(request: ConfigRequest): ResolvedConfig {
  return defaultConfig(request.profile ?? 'recommended');
}
