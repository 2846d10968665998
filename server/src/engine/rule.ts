import type { ResolvedConfig } from '../config/types';
import type { DockerfileModel } from '../documents/dockerfile';
import type { ComposeFile } from '../documents/compose';
import type { K8sObject } from '../documents/kubernetes';
import type { LineIndex } from './text';
import type { FileKind, Fix, Profile, Range, Severity } from './types';

export interface RuleDocs {
  /** One sentence: what is wrong. Shown in hovers, `shipshape rules` and SARIF. */
  summary: string;
  /** Equivalent ids in other tools; foreign ignore comments naming them silence this rule. */
  aka: string[];
}

export interface RuleMeta {
  id: string;
  kinds: readonly FileKind[];
  /** Default profile and severity; `byKind` refines them where the catalog differs per file kind. */
  profile: Profile;
  severity: Severity;
  byKind?: Partial<Record<FileKind, { profile?: Profile; severity?: Severity }>>;
  /** Severity when the `strict` profile is in force, where it differs. */
  strictSeverity?: Severity;
  docs: RuleDocs;
  fixable: boolean;
  /** JSON Schema of the rule's options in the rules file. */
  options?: Record<string, unknown>;
  /** Rules that need a setting to mean anything (e.g. trustedRegistries) say when they are active. */
  activeWhen?: (config: ResolvedConfig) => boolean;
}

export interface ReportInput {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (a user's severity still wins). */
  severity?: Severity;
}

export interface RuleContext {
  config: ResolvedConfig;
  options: Record<string, unknown>;
  lines: LineIndex;
  /** Path of the file, when known (CLI, editor); rules must work without it. */
  path?: string;
  /** Read-only look at the file system, for rules about neighbouring files (.dockerignore). */
  fileExists?: (path: string) => boolean;
  report(finding: ReportInput): void;
}

export interface DockerfileContext extends RuleContext {
  doc: DockerfileModel;
}

export interface ComposeContext extends RuleContext {
  compose: ComposeFile;
}

export interface KubernetesContext extends RuleContext {
  object: K8sObject;
}

export interface Rule {
  meta: RuleMeta;
  dockerfile?(ctx: DockerfileContext): void;
  /**
   * The Dockerfile check reads only `doc.instructions`, `doc.focusStages`, `doc.scope` and what
   * derives from them (shell sites, image uses, COPY parts), looking elsewhere only through the
   * stages they build on, the global ARGs and the names of earlier stages; it reports within its
   * instructions and never reads the file system. The engine then runs it unit by unit on scoped
   * views and reuses a unit's findings while the unit and that context are unchanged. Checks of
   * the final stage or of neighbouring files leave this unset and see the whole file each time.
   */
  perStage?: boolean;
  /** A per-stage check that also reads the unit's text (`doc.scope`), comments included, not only its instructions. */
  readsText?: boolean;
  compose?(ctx: ComposeContext): void;
  /** Called once per Kubernetes object (a `kind: List` item is an object). */
  kubernetes?(ctx: KubernetesContext): void;
}

export function defineRule(rule: Rule): Rule {
  for (const kind of rule.meta.kinds) {
    if (!rule[kind]) throw new Error(`rule ${rule.meta.id} lists ${kind} but has no ${kind} check`);
  }
  return rule;
}

export function ruleProfile(meta: RuleMeta, kind: FileKind): Profile {
  return meta.byKind?.[kind]?.profile ?? meta.profile;
}

export function ruleSeverity(meta: RuleMeta, kind: FileKind, profile: Profile): Severity {
  if (profile === 'strict' && meta.strictSeverity) return meta.strictSeverity;
  return meta.byKind?.[kind]?.severity ?? meta.severity;
}

/** Fills `{{name}}` placeholders of a message. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? `{{${k}}}`));
}
