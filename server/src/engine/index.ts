// The engine's public face for embedders (the benchmark, other tools): no LSP, no VS Code.
export { forgetDocument, lint, type LintOptions } from './lint';
/** Await once before linting: loads the shell parser used by the RUN/command rules. */
export { prepareEngine } from './prepare';
export { applyEdits, fixAll } from './apply-fixes';
export { defaultConfig, type ResolvedConfig } from '../config/types';
export type { Finding, Fix, LintResult, TextEdit } from './types';
