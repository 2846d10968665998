import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient';

/**
 * What the client does when the language server fails: like vscode-languageclient's default
 * (restart up to 4 times in 3 minutes, then stop; tolerate 3 transport errors in a row), but it
 * says so in the Shipshape output channel each time, so a user who sees diagnostics vanish and
 * come back knows why. On a restart the client opens the editor's documents again in the new
 * server, so no document state is lost (the server keeps none of its own).
 *
 * Pure logic (no `vscode` import) so it is unit-tested; the enum values are vscode-languageclient's.
 */
const CONTINUE = 1 as ErrorAction.Continue;
const SHUTDOWN = 2 as ErrorAction.Shutdown;
const DO_NOT_RESTART = 1 as CloseAction.DoNotRestart;
const RESTART = 2 as CloseAction.Restart;

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy implements ErrorHandler {
  private restarts: number[] = [];

  constructor(
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    if (count !== undefined && count <= 3) {
      this.log(`Shipshape: connection error with the language server (${error.message}); continuing.`);
      return { action: CONTINUE };
    }
    this.log(`Shipshape: repeated connection errors with the language server (${error.message}); shutting it down.`);
    return { action: SHUTDOWN };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t <= RESTART_WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length > MAX_RESTARTS) {
      const message = `The Shipshape language server stopped ${this.restarts.length} times in ${RESTART_WINDOW_MS / 60000} minutes and will not be restarted. See the Shipshape output for the reason; run "Developer: Reload Window" to start it again.`;
      this.log(message);
      return { action: DO_NOT_RESTART, message };
    }
    const message = `The Shipshape language server stopped unexpectedly; restarting it (restart ${this.restarts.length} of ${MAX_RESTARTS} allowed in ${RESTART_WINDOW_MS / 60000} minutes). Open documents are linted again.`;
    this.log(message);
    return { action: RESTART, message, handled: true };
  }
}
