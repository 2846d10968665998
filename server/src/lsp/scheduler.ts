/**
 * Per-document lint scheduling. The first change after a quiet spell is linted at once (no added
 * latency). While the user types, lints are spaced by twice the cost of the last one (at most
 * `maxInterval` ms), so a cheap file is linted on every keystroke and a huge one is not linted
 * more often than the editor can use; a lint always runs on the newest text.
 */
export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastEnd = new Map<string, number>();
  private readonly lastCost = new Map<string, number>();

  constructor(
    private readonly run: (uri: string) => void | Promise<void>,
    private readonly maxInterval = 100,
  ) {}

  schedule(uri: string): void {
    if (this.timers.has(uri)) return;
    const interval = Math.min(this.maxInterval, 2 * (this.lastCost.get(uri) ?? 0));
    const since = Date.now() - (this.lastEnd.get(uri) ?? 0);
    const delay = since >= interval ? 0 : interval - since;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const start = Date.now();
        void Promise.resolve(this.run(uri)).finally(() => {
          const end = Date.now();
          this.lastEnd.set(uri, end);
          this.lastCost.set(uri, end - start);
        });
      }, delay),
    );
  }

  forget(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.lastEnd.delete(uri);
    this.lastCost.delete(uri);
  }
}
