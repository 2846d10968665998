import { createHash } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { defaultConfig, type ResolvedConfig } from '../config/types';
import { composeFile } from '../documents/compose';
import { DockerfileModel, type DockerfileUnit } from '../documents/dockerfile';
import { kindFromName, sourceKind } from '../documents/kind';
import { isKubernetesMap, kubernetesObjects } from '../documents/kubernetes';
import { asMap, YamlDoc } from '../documents/yaml';
import { splitYamlDocuments, type YamlChunk } from '../documents/yaml-chunks';
import { DEFAULT_MAX_FILE_BYTES, internalErrorNotice, isStackOverflowMessage, MAX_YAML_DOCUMENTS, mayNestTooDeeply, nestsDeeperThan, sizeNotice, tooDeepNotice, tooManyDocumentsNotice } from './limits';
import { activeRules, type ActiveRule } from './registry';
import { applySuppressions } from './suppress';
import type { ReportInput, Rule } from './rule';
import type { ComposeFile } from '../documents/compose';
import type { K8sObject } from '../documents/kubernetes';
import { comparePositions, LineIndex } from './text';
import type { FileKindOrUnknown, Finding, LintResult, Notice, Range } from './types';

/** One shared default, so callers without a configuration still hit the per-document cache. */
const DEFAULT_CONFIG: ResolvedConfig = Object.freeze(defaultConfig()) as ResolvedConfig;

export interface LintOptions {
  /** File path (editor: the URI's path); decides the kind by name and feeds path-aware rules. */
  path?: string;
  /** The editor's language id, which wins over the name. */
  languageId?: string;
  config?: ResolvedConfig;
  fileExists?: (path: string) => boolean;
  /** Called when a rule throws; the other rules' findings are still returned. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Larger files (UTF-8 bytes) are not linted; one notice says so. Default: DEFAULT_MAX_FILE_BYTES. */
  maxFileBytes?: number;
  /** The rule set to run (default: every registered rule); for embedders that bring their own. */
  rules?: readonly Rule[];
  /**
   * Default true: keep what the next lint of the same path can reuse (the editor's case). The CLI,
   * which lints each file once, passes false.
   */
  incremental?: boolean;
}

/** Lints one file's text. Never throws: parse problems become notices, rule faults are reported aside. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const source = sourceKind(options.path, options.languageId);
  const tooLarge = sizeNotice(text, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (tooLarge) return { kind: kindFromName(options.path, options.languageId), findings: [], notices: [tooLarge] };
  try {
    // A lone CR ends a line for editors and for LineIndex, not for dockerfile-ast, the `yaml` parser or
    // the document splitter: make it an LF (same length, so every offset and position still refers to
    // the user's text).
    const parsed = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
    const linted =
      source === 'dockerfile' ? lintDockerfile(parsed, config, options) : source === 'yaml' ? lintYaml(parsed, config, options) : { kind: 'unknown' as const, findings: [], notices: [] };
    // Ignore comments and annotations apply to the whole file, after the (per-document cached) rules.
    const result = applySuppressions(text, linted, config);
    result.findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.ruleId.localeCompare(b.ruleId));
    return result;
  } catch (error) {
    // Rules are guarded one by one; this catches the parsers and the engine (e.g. a stack overflow).
    return { kind: kindFromName(options.path, options.languageId), findings: [], notices: [internalErrorNotice('this file', error)] };
  }
}

function lintDockerfile(text: string, config: ResolvedConfig, options: LintOptions): LintResult {
  const incremental = options.incremental !== false;
  const stateKey = options.path ?? '';
  const state = incremental ? dockerfileStates.get(stateKey) : undefined;
  const doc = new DockerfileModel(text, { previous: state?.doc });
  const findings: Finding[] = [];
  const active = activeRules('dockerfile', config, options.rules);
  const units = doc.units();
  const perStage = units ? active.filter((a) => a.rule.perStage) : [];
  const kept = new Map<string, Finding[]>();
  if (units && perStage.length > 0) {
    const keyOf = unitKeys(doc, config, options);
    const runUnit = unitRunner(perStage, options, doc.lines);
    for (const unit of units) {
      const key = keyOf(unit);
      let found = state?.units.get(key) ?? kept.get(key);
      if (!found) found = runUnit(doc.scoped(unit), unit.instructions.length > 0);
      kept.set(key, found);
      for (const f of found) findings.push(f);
    }
  }
  for (const a of active) {
    if (units && a.rule.perStage) continue;
    run(a, options, findings, doc.lines, { doc });
  }
  if (incremental) keepState(dockerfileStates, stateKey, { doc, units: kept });
  return { kind: 'dockerfile', findings, notices: [] };
}

/**
 * What a Dockerfile lint keeps for the document's next version: its model (whose parsed pieces an
 * edit reuses) and the findings of each unit under the key of what they depend on.
 */
interface DockerfileState {
  doc: DockerfileModel;
  units: Map<string, Finding[]>;
}

/** Documents (by path) whose last version is kept; the editor forgets a document when it closes. */
const DOCUMENT_STATES = 16;
const dockerfileStates = new Map<string, DockerfileState>();

/** Drops what is kept for a document's next lint (the editor closed it). */
export function forgetDocument(path: string): void {
  dockerfileStates.delete(path);
  yamlStates.delete(path);
}

/** Keeps the state of at most DOCUMENT_STATES documents, the most recently linted last. */
function keepState<T>(states: Map<string, T>, key: string, state: T): void {
  states.delete(key);
  states.set(key, state);
  if (states.size > DOCUMENT_STATES) states.delete(states.keys().next().value!);
}

/**
 * The cache key of a unit's findings for per-stage rules: the unit's piece, and everything such a
 * rule may read beyond it (see `Rule.perStage`): the pieces of the stages its stages build on, those
 * of the global ARGs, the names of the earlier stages, whether it holds the final stage, the line
 * ending, the configuration and the rule set.
 */
function unitKeys(doc: DockerfileModel, config: ResolvedConfig, options: LintOptions): (unit: DockerfileUnit) => string {
  const prefix = `${idOf(config)}|${options.rules ? idOf(options.rules) : 0}|${doc.lines.eol === '\r\n' ? 1 : 0}|${doc.globalArgSegmentIds()}|`;
  // Names of the stages before each stage, interned so a key holds one number for them.
  const namesBefore: number[] = [];
  let names = 0;
  for (const stage of doc.stages) {
    namesBefore.push(names);
    names = internNames(names, stage.alias ?? '');
  }
  const final = doc.finalStage;
  return (unit) => {
    let key = `${prefix}${unit.segment.id}`;
    for (const stage of unit.stages) {
      key += `|${stage === final ? 'F' : ''}${namesBefore[stage.index]}:`;
      for (const s of doc.lineage(stage)) key += `${doc.segmentIdsOf(s)};`;
    }
    return key;
  };
}

const nameChains = new Map<string, number>();

function internNames(before: number, alias: string): number {
  const key = `${before}\0${alias}`;
  let id = nameChains.get(key);
  if (id === undefined) {
    if (nameChains.size > 100_000) nameChains.clear(); // ids stay unique: they only ever grow
    nameChains.set(key, (id = ++lastNameChain));
  }
  return id;
}

let lastNameChain = 0;

interface ChunkResult {
  kind: FileKindOrUnknown;
  findings: Finding[];
  notices: Notice[];
}

/**
 * What a YAML lint keeps for the document's next version: the results of its documents (chunks) by
 * the hash of their text and of what else they depend on, those of this version and of a few earlier
 * versions of the chunks an edit touched (typing back and forth, undo).
 */
type YamlState = Map<string, ChunkResult>;

/** Results of earlier chunk versions a document keeps beyond its current chunks. */
const EARLIER_CHUNKS = 8;
const yamlStates = new Map<string, YamlState>();
const configIds = new WeakMap<object, number>();
let nextConfigId = 1;

/** A number per configuration or rule set object, for cache keys. */
function idOf(object: object): number {
  let id = configIds.get(object);
  if (!id) configIds.set(object, (id = nextConfigId++));
  return id;
}

function lintYaml(text: string, config: ResolvedConfig, options: LintOptions): LintResult {
  const named = kindFromName(options.path, options.languageId);
  const helm = hasTemplateAction(text);
  const configId = idOf(config);
  const rulesId = options.rules ? idOf(options.rules) : 0;
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  let kind: FileKindOrUnknown = named;
  const chunks = splitYamlDocuments(text);
  if (chunks.length > MAX_YAML_DOCUMENTS) {
    notices.push(tooManyDocumentsNotice(chunks.length, shiftRange({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, chunks[MAX_YAML_DOCUMENTS].line)));
    chunks.length = MAX_YAML_DOCUMENTS;
  }
  const stateKey = options.path ?? '';
  const state: YamlState | undefined = options.incremental === false ? undefined : (yamlStates.get(stateKey) ?? new Map());
  const prefix = `${configId}\0${rulesId}\0${named}\0${helm}\0`;
  for (const chunk of chunks) {
    let result: ChunkResult | undefined;
    if (state) {
      const key = createHash('sha1').update(prefix).update(chunk.text).digest('base64');
      result = state.get(key);
      if (result) state.delete(key); // most recently used last
      else result = lintYamlChunk(chunk, named, helm, config, options);
      state.set(key, result);
    } else {
      result = lintYamlChunk(chunk, named, helm, config, options);
    }
    if (kind === 'unknown' && result.kind !== 'unknown') kind = result.kind;
    for (const f of result.findings) findings.push(chunk.line ? shiftFinding(f, chunk.line) : f);
    for (const n of result.notices) notices.push(chunk.line ? { ...n, range: shiftRange(n.range, chunk.line) } : n);
  }
  if (state) {
    // The least recently used results go first: those of chunk versions no longer in the text.
    for (const key of state.keys()) {
      if (state.size <= chunks.length + EARLIER_CHUNKS) break;
      state.delete(key);
    }
    keepState(yamlStates, stateKey, state);
  }
  return { kind, findings, notices };
}

function lintYamlChunk(chunk: YamlChunk, named: FileKindOrUnknown, helm: boolean, config: ResolvedConfig, options: LintOptions): ChunkResult {
  const lines = new LineIndex(chunk.text);
  const result: ChunkResult = { kind: 'unknown', findings: [], notices: [] };
  if (mayNestTooDeeply(chunk.text)) {
    result.notices.push(tooDeepNotice(lines.rangeOf(0, 0)));
    return result;
  }
  const docs = parseAllDocuments(chunk.text, { uniqueKeys: false, prettyErrors: false, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    if (doc.errors.some((e) => isStackOverflowMessage(e.message)) || nestsDeeperThan(doc.contents)) {
      result.notices.push(tooDeepNotice(lines.rangeOf(doc.range[0], doc.range[0] + 1)));
      continue;
    }
    if (doc.errors.length > 0) {
      if (helm) continue; // Helm templates are not YAML until rendered: lint only what parses.
      const error = doc.errors[0];
      result.notices.push({
        message: `YAML syntax error: ${error.message.split('\n')[0]}. Shipshape checks the parts it can read.`,
        range: lines.rangeOf(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
        severity: 'error',
      });
    }
    const yaml = new YamlDoc(doc, lines);
    const root = asMap(yaml.root);
    if (!root) continue;
    if (named === 'compose' || (named === 'unknown' && !isKubernetesMap(yaml, root) && asMap(yaml.get(root, 'services')))) {
      const compose = composeFile(yaml);
      if (!compose) continue;
      result.kind = 'compose';
      for (const active of activeRules('compose', config, options.rules)) {
        run(active, options, result.findings, lines, { compose });
      }
    } else if (named === 'unknown') {
      const objects = kubernetesObjects(yaml);
      if (objects.length === 0) continue;
      result.kind = 'kubernetes';
      for (const active of activeRules('kubernetes', config, options.rules)) {
        for (const object of objects) {
          run(active, options, result.findings, lines, { object });
        }
      }
    }
  }
  return result;
}

/**
 * Runs the per-stage rules on one unit's view after another, with one context per rule for the
 * whole lint (a Dockerfile has a unit per stage: this runs rules × stages times). A unit without
 * instructions (comments before the first FROM) only goes to the rules that read text.
 */
function unitRunner(rules: ActiveRule[], options: LintOptions, lines: LineIndex): (view: DockerfileModel, hasInstructions: boolean) => Finding[] {
  const out = { findings: [] as Finding[] };
  const contexts = rules.map((active) => ({ active, ctx: ruleContext(active, options, lines, out) }));
  return (view, hasInstructions) => {
    out.findings = [];
    for (const { active, ctx } of contexts) {
      if (!hasInstructions && !active.rule.readsText) continue;
      ctx.doc = view;
      check(active, ctx, options);
    }
    return out.findings;
  };
}

/** What a rule checks: a Dockerfile (or a view of one), a Compose file or a Kubernetes object. */
type Subject = { doc: DockerfileModel; compose?: undefined; object?: undefined } | { doc?: undefined; compose: ComposeFile; object?: undefined } | { doc?: undefined; compose?: undefined; object: K8sObject };

function run(active: ActiveRule, options: LintOptions, findings: Finding[], lines: LineIndex, subject: Subject): void {
  const ctx = ruleContext(active, options, lines, { findings });
  ctx.doc = subject.doc!;
  ctx.compose = subject.compose!;
  ctx.object = subject.object!;
  check(active, ctx, options);
}

/**
 * A rule's context, one literal shape for every rule and kind (no spreads: this runs for every rule
 * on every unit); its reports go to `out.findings`, which the caller may swap between runs.
 */
function ruleContext(active: ActiveRule, options: LintOptions, lines: LineIndex, out: { findings: Finding[] }) {
  return {
    config: options.config ?? DEFAULT_CONFIG,
    options: active.options,
    lines,
    path: options.path,
    fileExists: options.fileExists,
    report: (input: ReportInput) => {
      out.findings.push({
        ruleId: active.rule.meta.id,
        severity: active.userSeverity ?? input.severity ?? active.defaultSeverity,
        message: input.message,
        range: input.range,
        fixes: input.fixes ?? [],
      });
    },
    doc: undefined as unknown as DockerfileModel,
    compose: undefined as unknown as ComposeFile,
    object: undefined as unknown as K8sObject,
  };
}

/** Runs the rule's check for the subject set in the context; a rule that throws is reported aside. */
function check(active: ActiveRule, ctx: ReturnType<typeof ruleContext>, options: LintOptions): void {
  try {
    if (ctx.doc) active.rule.dockerfile!(ctx);
    else if (ctx.compose) active.rule.compose!(ctx);
    else active.rule.kubernetes!(ctx);
  } catch (error) {
    options.onRuleError?.(active.rule.meta.id, error);
  }
}

/** A Helm/Go template action `{{ … }}` (no `}` inside); a linear scan where a regex search would be quadratic. */
export function hasTemplateAction(text: string): boolean {
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open < 0) return false;
    const close = text.indexOf('}', open + 2);
    if (close < 0) return false;
    if (text.charCodeAt(close + 1) === 125 /* } */) return true;
    // Every `{{` before this `}` meets the same single `}`: continue after it.
    from = close + 1;
  }
}

function shiftRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

function shiftFinding(finding: Finding, lines: number): Finding {
  return {
    ...finding,
    range: shiftRange(finding.range, lines),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) })),
  };
}

