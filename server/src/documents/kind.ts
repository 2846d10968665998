import type { FileKindOrUnknown } from '../engine/types';
import { isComposeFileName, isDockerfileName } from './file-names';

export { baseName, isDockerfileName } from './file-names';

export type SourceKind = 'dockerfile' | 'yaml' | 'unknown';

const YAML_NAME = /\.ya?ml$/i;

/** Which parser a file needs, from its language id (editor) or its name (CLI). */
export function sourceKind(path: string | undefined, languageId?: string): SourceKind {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'yaml' || languageId === 'dockercompose') return 'yaml';
  if (!path) return 'unknown';
  if (isDockerfileName(path)) return 'dockerfile';
  if (YAML_NAME.test(path)) return 'yaml';
  return 'unknown';
}

/** The file kind a name alone decides: Dockerfiles and compose names; other YAML needs its content. */
export function kindFromName(path: string | undefined, languageId?: string): FileKindOrUnknown {
  const source = sourceKind(path, languageId);
  if (source === 'dockerfile') return 'dockerfile';
  if (languageId === 'dockercompose' || (source === 'yaml' && isComposeFileName(path))) return 'compose';
  return 'unknown';
}
