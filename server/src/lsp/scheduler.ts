/**
 * Per-document lint scheduling: the first change after a quiet spell is linted at once (no added
 * latency); a burst of typing is coalesced so at most one lint runs per `interval` ms, always on
 * the newest text.
 */
export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly run: (uri: string) => void,
    private readonly interval = 100,
  ) {}

  schedule(uri: string): void {
    if (this.timers.has(uri)) return;
    const since = Date.now() - (this.lastRun.get(uri) ?? 0);
    const delay = since >= this.interval ? 0 : this.interval - since;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.lastRun.set(uri, Date.now());
        this.run(uri);
      }, delay),
    );
  }

  forget(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.lastRun.delete(uri);
  }
}
