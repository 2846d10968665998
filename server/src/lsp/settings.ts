import type { Connection } from 'vscode-languageserver';

/** The editor settings Shipshape reads, per resource (multi-root workspaces may differ). */
export interface Settings {
  enable: boolean;
}

const DEFAULTS: Settings = { enable: true };

/** Settings per document, asked from the client once and cached until the configuration changes. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(
    private readonly connection: Connection,
    private readonly supported: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.supported()) return Promise.resolve(DEFAULTS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'shipshape' })
        .then((value: Partial<Settings> | null) => ({ ...DEFAULTS, ...(value ?? {}) }))
        .catch(() => DEFAULTS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
