import type { Connection } from 'vscode-languageserver';
import { DEFAULT_MAX_FILE_BYTES } from '../engine/limits';
import type { Profile } from '../engine/types';

export type RunMode = 'onType' | 'onSave';

/** The editor settings Shipshape reads, per resource (multi-root workspaces may differ). */
export interface Settings {
  enable: boolean;
  /** Profile used when no rules file exists (or it does not say `extends`). */
  profile: Profile;
  /** Explicit rules file (absolute, or relative to the workspace folder); empty: discovery. */
  rulesFile: string;
  /** onType: lint as you type; onSave: lint on open and save only. */
  run: RunMode;
  /** Larger documents are not linted (one information diagnostic says so); from `shipshape.maxFileSize` in MB. */
  maxFileBytes: number;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, profile: 'recommended', rulesFile: '', run: 'onType', maxFileBytes: DEFAULT_MAX_FILE_BYTES };

/** Settings as the client sent them, with wrong types replaced by the defaults. */
export function normalizeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return {
    enable: typeof v.enable === 'boolean' ? v.enable : DEFAULT_SETTINGS.enable,
    profile: v.profile === 'strict' || v.profile === 'recommended' ? v.profile : DEFAULT_SETTINGS.profile,
    rulesFile: typeof v.rulesFile === 'string' ? v.rulesFile.trim() : DEFAULT_SETTINGS.rulesFile,
    run: v.run === 'onSave' || v.run === 'onType' ? v.run : DEFAULT_SETTINGS.run,
    maxFileBytes:
      typeof v.maxFileSize === 'number' && Number.isFinite(v.maxFileSize) && v.maxFileSize > 0 ? Math.round(v.maxFileSize * 1024 * 1024) : DEFAULT_SETTINGS.maxFileBytes,
  };
}

/** Settings per document, asked from the client once and cached until the configuration changes. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(
    private readonly connection: Connection,
    private readonly supported: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.supported()) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'shipshape' })
        .then(normalizeSettings)
        .catch(() => DEFAULT_SETTINGS);
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

/**
 * Why a document is about to be linted. With `shipshape.run: onSave`, a lint caused only by typing is
 * skipped; opening, saving and configuration changes always lint.
 */
export class LintTriggers {
  private readonly pending = new Map<string, 'type' | 'other'>();

  typed(uri: string): void {
    if (!this.pending.has(uri)) this.pending.set(uri, 'type');
  }

  other(uri: string): void {
    this.pending.set(uri, 'other');
  }

  /** Takes the reason for the lint about to run; true when only typing caused it. */
  takeTypedOnly(uri: string): boolean {
    const reason = this.pending.get(uri);
    this.pending.delete(uri);
    return reason === 'type';
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }
}
