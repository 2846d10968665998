import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { ResolvedConfig } from '../config/types';
import { effectiveSecurityField, type Container } from '../documents/kubernetes';
import { isTrue, scalarString, scalarValue, type YamlDoc } from '../documents/yaml';
import type { Fix, Profile, TextEdit } from '../engine/types';
import { effectiveSeccomp } from './security-context';
import { appendSeqItem, insertPair, setPath, type YamlValue } from './yaml-edit';

/**
 * "Harden this container": one edit that writes (or completes) the Pod Security `restricted`
 * securityContext of a container, offered on each restricted-profile finding of a container that
 * has two or more of them, so the user fixes them all at once instead of one key at a time.
 *
 * Other rules attach it with `hardenFixFor(container, config)` after their own fix:
 *   fixes: [ownFix, ...optional(hardenFixFor(container, config))]
 */

export type RestrictedRuleId = 'run-as-non-root-missing' | 'privilege-escalation' | 'capabilities-not-dropped' | 'seccomp-missing' | 'read-only-root-fs-missing';

/** Default profile of each restricted-profile rule for Kubernetes (from the catalog). */
const RESTRICTED_RULES: Record<RestrictedRuleId, Profile> = {
  'run-as-non-root-missing': 'recommended',
  'privilege-escalation': 'recommended',
  'capabilities-not-dropped': 'strict',
  'seccomp-missing': 'strict',
  'read-only-root-fs-missing': 'strict',
};

export const HARDEN_TITLE =
  'Harden this container: write a restricted securityContext (runAsNonRoot, allowPrivilegeEscalation: false, drop ALL capabilities, seccomp RuntimeDefault, readOnlyRootFilesystem) — changes behaviour';

const GOOD_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);

/** True when the container's effective seccomp profile (field or legacy annotation) is RuntimeDefault or Localhost. */
export function hasGoodSeccomp(container: Container): boolean {
  return GOOD_SECCOMP.has(effectiveSeccomp(container)?.type ?? '');
}

/** Which restricted-profile requirements the container misses, judged on effective values. */
export function restrictedGaps(container: Container): Set<RestrictedRuleId> {
  const { yaml } = container.pod.object;
  const sc = container.securityContext;
  const gaps = new Set<RestrictedRuleId>();
  const nonRoot = effectiveSecurityField(container, 'runAsNonRoot');
  const user = scalarValue(effectiveSecurityField(container, 'runAsUser')?.value);
  if (!(nonRoot && isTrue(nonRoot.value)) && !(typeof user === 'number' && user >= 1)) gaps.add('run-as-non-root-missing');
  if (!isFalse(yaml.get(sc, 'allowPrivilegeEscalation'))) gaps.add('privilege-escalation');
  if (!dropsAll(yaml, sc)) gaps.add('capabilities-not-dropped');
  if (!hasGoodSeccomp(container)) gaps.add('seccomp-missing');
  if (!isTrue(yaml.get(sc, 'readOnlyRootFilesystem'))) gaps.add('read-only-root-fs-missing');
  return gaps;
}

/** Whether a restricted-profile rule reports under this configuration (default: the rule's profile). */
function isActive(id: RestrictedRuleId, config: ResolvedConfig | undefined): boolean {
  if (!config) return true;
  const level = config.rules[id]?.level;
  if (level === 'off') return false;
  if (level) return true;
  return RESTRICTED_RULES[id] === 'recommended' || config.profile === 'strict';
}

/**
 * The "Harden this container" fix, when the container has at least two restricted-profile findings
 * under `config` (all five rules count when no config is given); undefined otherwise, or when the
 * container's securityContext comes from a merge key (editing it would change other containers).
 */
export function hardenFixFor(container: Container, config?: ResolvedConfig): Fix | undefined {
  const gaps = restrictedGaps(container);
  const active = [...gaps].filter((id) => isActive(id, config));
  if (active.length < 2) return undefined;
  const edit = hardenEdit(container);
  return edit ? { title: HARDEN_TITLE, edits: [edit], safe: false } : undefined;
}

/** A rule's own fix followed by "Harden this container" when that is offered. */
export function withHarden(own: Fix, container: Container, config?: ResolvedConfig): Fix[] {
  const harden = hardenFixFor(container, config);
  return harden ? [own, harden] : [own];
}

/**
 * One text edit that closes every gap of the container, keeping its other keys and comments.
 * `runAsNonRoot: true` is written even when a non-zero runAsUser already satisfies
 * run-as-non-root-missing: the restricted profile asks for both.
 */
export function hardenEdit(container: Container): TextEdit | undefined {
  const { yaml } = container.pod.object;
  const gaps = restrictedGaps(container);
  if (!isTrue(effectiveSecurityField(container, 'runAsNonRoot')?.value)) gaps.add('run-as-non-root-missing');
  if (gaps.size === 0) return undefined;
  const edit = writeGaps(container, gaps);
  return edit && withEol(yaml, edit);
}

/** Inserted lines use the document's line breaks (CRLF files stay CRLF). */
export function withEol(yaml: YamlDoc, edit: TextEdit): TextEdit {
  const eol = yaml.lines.eol;
  return eol === '\n' ? edit : { ...edit, newText: edit.newText.replace(/\r?\n/g, eol) };
}

function writeGaps(container: Container, gaps: Set<RestrictedRuleId>): TextEdit | undefined {
  const { yaml } = container.pod.object;
  const found = yaml.lookup(container.map, 'securityContext');
  if (found?.inherited) return undefined;
  const sc = found?.value;
  if (!found || !isMap(sc) || sc.items.length === 0) {
    const value = fullValue(gaps);
    if (!found) return insertPair(yaml, container.map, 'securityContext', value);
    if (isMap(sc)) return { range: yaml.range(sc), newText: flowText(value) };
    if (sc && !(isScalar(sc) && sc.value === null)) return undefined; // not a mapping: leave it to the user
    return setPath(yaml, container.map, ['securityContext'], value);
  }
  const edits: DeepEdit[] = [];
  const add = (edit: TextEdit, depth: number) => edits.push({ edit, depth });
  if (gaps.has('run-as-non-root-missing')) add(setPath(yaml, sc, ['runAsNonRoot'], 'true'), 0);
  if (gaps.has('privilege-escalation')) add(setPath(yaml, sc, ['allowPrivilegeEscalation'], 'false'), 0);
  if (gaps.has('capabilities-not-dropped')) {
    const caps = ownPair(sc, 'capabilities');
    const drop = isMap(caps?.value) ? ownPair(caps.value, 'drop')?.value : undefined;
    if (isSeq(drop) && drop.items.length > 0) add(appendSeqItem(yaml, drop, 'ALL'), 2);
    else add(setPath(yaml, sc, ['capabilities', 'drop'], '["ALL"]'), caps ? 1 : 0);
  }
  if (gaps.has('seccomp-missing')) add(setPath(yaml, sc, ['seccompProfile', 'type'], 'RuntimeDefault'), ownPair(sc, 'seccompProfile') ? 1 : 0);
  if (gaps.has('read-only-root-fs-missing')) add(setPath(yaml, sc, ['readOnlyRootFilesystem'], 'true'), 0);
  return combine(yaml, edits);
}

function fullValue(gaps: Set<RestrictedRuleId>): { [key: string]: YamlValue } {
  const value: { [key: string]: YamlValue } = {};
  if (gaps.has('run-as-non-root-missing')) value.runAsNonRoot = 'true';
  if (gaps.has('privilege-escalation')) value.allowPrivilegeEscalation = 'false';
  if (gaps.has('capabilities-not-dropped')) value.capabilities = { drop: '["ALL"]' };
  if (gaps.has('seccomp-missing')) value.seccompProfile = { type: 'RuntimeDefault' };
  if (gaps.has('read-only-root-fs-missing')) value.readOnlyRootFilesystem = 'true';
  return value;
}

function flowText(value: YamlValue): string {
  if (typeof value === 'string') return value;
  return `{${Object.entries(value).map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

interface DeepEdit {
  edit: TextEdit;
  /** Nesting below the securityContext: at one insertion point the deeper text goes first. */
  depth: number;
}

/** Merges edits that do not overlap into one edit spanning them all. */
function combine(yaml: YamlDoc, edits: DeepEdit[]): TextEdit | undefined {
  const { lines } = yaml;
  const spans = edits
    .map((e, i) => ({ start: lines.offsetAt(e.edit.range.start), end: lines.offsetAt(e.edit.range.end), text: e.edit.newText, depth: e.depth, i }))
    .sort((a, b) => a.start - b.start || b.depth - a.depth || a.i - b.i);
  if (spans.length === 0) return undefined;
  for (let k = 1; k < spans.length; k++) if (spans[k].start < spans[k - 1].end) return undefined;
  const from = spans[0].start;
  const to = Math.max(...spans.map((s) => s.end));
  let text = '';
  let at = from;
  for (const s of spans) {
    text += lines.text.slice(at, s.start) + s.text;
    at = Math.max(at, s.end);
  }
  text += lines.text.slice(at, to);
  return { range: lines.rangeOf(from, to), newText: text };
}

function dropsAll(yaml: YamlDoc, sc: YAMLMap | undefined): boolean {
  const drop = yaml.getSeq(yaml.getMap(sc, 'capabilities'), 'drop');
  return yaml.items(drop).some((item) => (scalarString(item) ?? '').toUpperCase() === 'ALL');
}

function isFalse(node: unknown): boolean {
  const v = scalarValue(node);
  return v === false || (typeof v === 'string' && v.toLowerCase() === 'false');
}

/** A pair written in the mapping itself (edits never reach into merge-key sources). */
function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}
