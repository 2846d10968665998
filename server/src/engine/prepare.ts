import { initShellParser } from '../analysis/shell/parser';

/**
 * Loads what `lint()` needs asynchronously (the shell parser's WebAssembly), once; later calls
 * return the same promise. `lint()` stays synchronous: until this has resolved, rules that read
 * shell code (RUN, command:) skip it rather than fail.
 */
export function prepareEngine(): Promise<void> {
  return initShellParser();
}
