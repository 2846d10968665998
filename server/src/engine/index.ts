// The engine's public face for embedders (the benchmark, other tools): no LSP, no VS Code.
export { lint, type LintOptions } from './lint';
export { applyEdits, fixAll } from './apply-fixes';
export { defaultConfig, type ResolvedConfig } from '../config/types';
export type { Finding, Fix, LintResult, TextEdit } from './types';
