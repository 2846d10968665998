/**
 * Per-document lint scheduling. A change is linted as soon as the event loop is free, so the first
 * diagnostics come with no added delay; changes that arrive before that lint runs are coalesced
 * into it (it reads the newest text), so a burst of typing never queues one lint per keystroke.
 * There is no fixed debounce: linting is incremental, and an edit costs milliseconds even in the
 * largest files the benchmark uses.
 */
export class LintScheduler {
  private readonly pending = new Map<string, NodeJS.Immediate>();

  constructor(private readonly run: (uri: string) => void | Promise<void>) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.set(
      uri,
      setImmediate(() => {
        this.pending.delete(uri);
        void this.run(uri);
      }),
    );
  }

  forget(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) clearImmediate(pending);
    this.pending.delete(uri);
  }
}
