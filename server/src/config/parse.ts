import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { keyOf, YamlDoc } from '../documents/yaml';
import { LineIndex } from '../engine/text';
import type { Profile, Range } from '../engine/types';
import type { RuleLevel, RuleSetting } from './types';
import { globProblem } from './globs';
import { optionsProblems, type RuleCatalog } from './rule-catalog';
import { PROFILES, RULE_LEVELS } from './schema';
import { didYouMean } from './suggest';
import { mayNestTooDeeply } from '../engine/limits';

/** What a rules file says, as data. Nothing in it is ever executed. */
export interface RulesFileData {
  extends?: Profile;
  rules: Record<string, RuleSetting>;
  trustedRegistries?: string[];
  images: Record<string, string>;
  nonRootBaseImages: string[];
  ignorePaths: string[];
  allowInlineIgnores?: boolean;
  overrides: OverrideData[];
}

export interface OverrideData {
  files: string[];
  rules: Record<string, RuleSetting>;
}

export interface RulesFileProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface ParsedRulesFile {
  data: RulesFileData;
  problems: RulesFileProblem[];
  /** The file could not be read as a mapping at all (syntax error): none of it applies. */
  fatal: boolean;
  /** Keys whose value was refused (`rules.<id>`, `trustedRegistries`, …): the last good value stays for them. */
  refused: Set<string>;
}

export const TOP_LEVEL_KEYS = ['$schema', 'extends', 'rules', 'trustedRegistries', 'images', 'nonRootBaseImages', 'ignorePaths', 'allowInlineIgnores', 'overrides'] as const;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const MAX_ITEMS = 1000;

export function emptyRulesFileData(): RulesFileData {
  return { rules: {}, images: {}, nonRootBaseImages: [], ignorePaths: [], overrides: [] };
}

/** Parses and checks a rules file (YAML or JSON, which YAML reads with the same exact positions). Never throws. */
export function parseRulesFile(text: string, catalog: RuleCatalog): ParsedRulesFile {
  const lines = new LineIndex(text);
  const data = emptyRulesFileData();
  const problems: RulesFileProblem[] = [];
  const refused = new Set<string>();
  if (mayNestTooDeeply(text)) {
    // The YAML parser can abort the process on very deep nesting: refuse it before parsing.
    problems.push({ message: 'The rules file nests collections too deeply to be read safely.', range: lines.rangeOf(0, 0), severity: 'error' });
    return { data, problems, fatal: true, refused };
  }
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    problems.push({ message: `The rules file could not be read: ${String(error)}`, range: lines.rangeOf(0, 0), severity: 'error' });
    return { data, problems, fatal: true, refused };
  }
  let fatal = false;
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (!duplicate) fatal = true;
    const message = duplicate ? 'This key appears twice; keep one.' : `YAML syntax error: ${error.message.split('\n')[0]}`;
    problems.push({ message, range: lines.rangeOf(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)), severity: 'error' });
  }
  if (fatal) return { data, problems, fatal, refused };
  const yaml = new YamlDoc(doc, lines);
  const checker = new Checker(yaml, catalog, problems, refused);
  const root = yaml.resolve(yaml.root);
  if (root === undefined || (isScalar(root) && (root.value === null || root.value === undefined))) return { data, problems, fatal: false, refused };
  if (!isMap(root)) {
    checker.problem(root, 'The rules file must be a mapping of settings (extends, rules, …).');
    return { data, problems, fatal: true, refused };
  }
  checker.top(root, data);
  return { data, problems, fatal: false, refused };
}

class Checker {
  constructor(
    private readonly yaml: YamlDoc,
    private readonly catalog: RuleCatalog,
    private readonly problems: RulesFileProblem[],
    private readonly refused: Set<string>,
  ) {}

  problem(node: unknown, message: string, severity: RulesFileProblem['severity'] = 'error'): void {
    // A suggestion ends in "?"; the sentence then needs no full stop.
    this.problems.push({ message: message.replace(/\?\./g, '?'), range: this.yaml.range(node as Node), severity });
  }

  private pairs(map: YAMLMap): Array<{ key: string; pair: Pair; value: Node | undefined }> {
    const out = [];
    for (const pair of map.items) {
      const key = keyOf(pair);
      if (key === undefined || key === '<<') {
        this.problem(pair.key ?? pair.value, 'Keys must be plain names; merge keys and complex keys are not supported in the rules file.');
        continue;
      }
      out.push({ key, pair, value: this.yaml.resolve(pair.value) });
    }
    return out;
  }

  top(root: YAMLMap, data: RulesFileData): void {
    for (const { key, pair, value } of this.pairs(root)) {
      switch (key) {
        case '$schema':
          if (!isScalar(value) || typeof value.value !== 'string') this.problem(value ?? pair.key, '"$schema" must be a string.');
          break;
        case 'extends': {
          const profile = isScalar(value) ? value.value : undefined;
          if (typeof profile === 'string' && (PROFILES as readonly string[]).includes(profile)) data.extends = profile as Profile;
          else this.refuse(key, value ?? pair.key, `"extends" must be one of ${PROFILES.join(', ')}${this.suggestion(profile, PROFILES)}.`);
          break;
        }
        case 'rules':
          data.rules = this.rules(value, 'rules');
          break;
        case 'trustedRegistries': {
          const list = this.globs(key, value, pair);
          if (list) data.trustedRegistries = list;
          break;
        }
        case 'nonRootBaseImages':
        case 'ignorePaths': {
          const list = this.globs(key, value, pair);
          if (list) data[key] = list;
          break;
        }
        case 'images':
          data.images = this.images(value, pair);
          break;
        case 'allowInlineIgnores':
          if (isScalar(value) && typeof value.value === 'boolean') data.allowInlineIgnores = value.value;
          else this.refuse(key, value ?? pair.key, '"allowInlineIgnores" must be true or false.');
          break;
        case 'overrides':
          data.overrides = this.overrides(value, pair);
          break;
        default:
          this.problem(pair.key, `Unknown setting "${key}"${this.suggestion(key, TOP_LEVEL_KEYS)}. Settings: ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')}.`);
      }
    }
  }

  private refuse(key: string, node: unknown, message: string): void {
    this.refused.add(key);
    this.problem(node, message);
  }

  private suggestion(word: unknown, candidates: Iterable<string>): string {
    if (typeof word !== 'string' || word === '') return '';
    const close = didYouMean(word, candidates);
    return close ? `; did you mean "${close}"?` : '';
  }

  private rules(value: Node | undefined, where: string): Record<string, RuleSetting> {
    const out: Record<string, RuleSetting> = {};
    if (value === undefined || (isScalar(value) && value.value === null)) return out;
    if (!isMap(value)) {
      this.refuse(where, value, `"${where === 'rules' ? 'rules' : 'overrides[].rules'}" must be a mapping of rule id → severity, e.g. "image-latest-tag: error".`);
      return out;
    }
    for (const entry of this.pairs(value)) {
      const id = entry.key;
      const rule = this.catalog.get(id);
      if (!rule) {
        const byAka = this.catalog.byAka(id);
        const hint = byAka ? `; "${id}" is another tool's id for "${byAka}"` : this.suggestion(id, this.catalog.ids());
        this.problem(entry.pair.key, `Unknown rule "${id}"${hint}. \`shipshape rules\` lists the rule ids.`);
        continue;
      }
      const setting = this.ruleSetting(id, entry.value ?? (entry.pair.key as Node), rule.options);
      if (setting) out[id] = setting;
      else this.refused.add(`${where}.${id}`);
    }
    return out;
  }

  private ruleSetting(id: string, node: Node, optionsSchema: Record<string, unknown> | undefined): RuleSetting | undefined {
    if (isSeq(node)) {
      const items = node.items.map((item) => this.yaml.resolve(item));
      if (items.length === 0 || items.length > 2) {
        this.problem(node, `Write "${id}: <severity>" or "${id}: [<severity>, { options }]".`);
        return undefined;
      }
      const level = this.level(id, items[0]);
      if (!level) return undefined;
      if (items.length === 1) return { level };
      const optionsNode = items[1]!;
      if (!optionsSchema) {
        this.problem(optionsNode, `Rule "${id}" takes no options; write "${id}: ${level}".`);
        return undefined;
      }
      if (!isMap(optionsNode)) {
        this.problem(optionsNode, `The options of "${id}" must be a mapping, e.g. [${level}, { … }].`);
        return undefined;
      }
      const options = toData(this.yaml, optionsNode) as Record<string, unknown>;
      const problems = optionsProblems(optionsSchema, options);
      if (problems.length > 0) {
        for (const p of problems) this.problem(nodeAt(this.yaml, optionsNode, p.path, p.atKey) ?? optionsNode, `Options of "${id}": ${p.message}.`);
        return undefined;
      }
      return { level, options };
    }
    const level = this.level(id, node);
    return level ? { level } : undefined;
  }

  private level(id: string, node: Node | undefined): RuleLevel | undefined {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value)) return value as RuleLevel;
    const written = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    const hint = written === 'false' ? '; write "off" to turn the rule off' : this.suggestion(written, RULE_LEVELS);
    this.problem(node, `"${written ?? 'this value'}" is not a severity for "${id}": use ${RULE_LEVELS.join(' | ')}${hint}.`);
    return undefined;
  }

  private globs(key: string, value: Node | undefined, pair: Pair): string[] | undefined {
    if (!isSeq(value)) {
      if (value !== undefined && !(isScalar(value) && value.value === null)) this.refuse(key, value, `"${key}" must be a list of patterns, e.g. ${key}: ["pattern"].`);
      else if (value === undefined) this.refuse(key, pair.key, `"${key}" must be a list of patterns.`);
      return value === undefined ? undefined : [];
    }
    const out: string[] = [];
    for (const item of value.items.slice(0, MAX_ITEMS)) {
      const node = this.yaml.resolve(item);
      if (!isScalar(node) || typeof node.value !== 'string') {
        this.problem(node ?? value, `Items of "${key}" must be strings.`);
        continue;
      }
      const problem = globProblem(node.value);
      if (problem) this.problem(node, `Pattern "${node.value}" is refused: ${problem}.`);
      else out.push(node.value);
    }
    if (value.items.length > MAX_ITEMS) this.problem(value, `"${key}" is limited to ${MAX_ITEMS} patterns.`);
    return out;
  }

  private images(value: Node | undefined, pair: Pair): Record<string, string> {
    const out: Record<string, string> = {};
    if (value === undefined || (isScalar(value) && value.value === null)) return out;
    if (!isMap(value)) {
      this.refuse('images', value ?? pair.key, '"images" must be a mapping of image name → tag, e.g. node: "22.11-bookworm-slim".');
      return out;
    }
    for (const entry of this.pairs(value)) {
      const tag = scalarText(entry.value);
      if (tag === undefined || !IMAGE_TAG.test(tag)) {
        this.problem(entry.value ?? entry.pair.key, `The pin for "${entry.key}" must be a tag such as "22.11-bookworm-slim" (letters, digits, "_", ".", "-").`);
        continue;
      }
      if (entry.key.includes('@') || entry.key.lastIndexOf(':') > entry.key.lastIndexOf('/')) {
        this.problem(entry.pair.key, `Write the image name without tag or digest ("${withoutTagOrDigest(entry.key)}"); the value is the tag.`);
        continue;
      }
      out[entry.key] = tag;
    }
    return out;
  }

  private overrides(value: Node | undefined, pair: Pair): OverrideData[] {
    const out: OverrideData[] = [];
    if (value === undefined || (isScalar(value) && value.value === null)) return out;
    if (!isSeq(value)) {
      this.refuse('overrides', value ?? pair.key, '"overrides" must be a list of { files, rules } entries.');
      return out;
    }
    value.items.forEach((item, index) => {
      const node = this.yaml.resolve(item);
      if (!isMap(node)) {
        this.problem(node ?? value, 'Each override is a mapping with "files" and "rules".');
        return;
      }
      let files: string[] | undefined;
      let rules: Record<string, RuleSetting> = {};
      for (const entry of this.pairs(node)) {
        if (entry.key === 'files') {
          if (isScalar(entry.value) && typeof entry.value.value === 'string') {
            const problem = globProblem(entry.value.value);
            if (problem) this.problem(entry.value, `Pattern "${entry.value.value}" is refused: ${problem}.`);
            else files = [entry.value.value];
          } else {
            files = this.globs('files', entry.value, entry.pair);
          }
        } else if (entry.key === 'rules') {
          rules = this.rules(entry.value, `overrides.${index}`);
        } else {
          this.problem(entry.pair.key, `Unknown override setting "${entry.key}"${this.suggestion(entry.key, ['files', 'rules'])}; an override has "files" and "rules".`);
        }
      }
      if (files === undefined) this.problem(node, 'This override has no "files": add the globs it applies to.');
      else if (files.length > 0) out.push({ files, rules });
    });
    return out;
  }
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined || typeof node.value === 'object') return undefined;
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}

/** Plain data from a YAML node; aliases resolve to their anchor without expanding it twice per level. */
function toData(yaml: YamlDoc, node: unknown, depth = 0): unknown {
  const resolved = isAlias(node) ? yaml.resolve(node) : (node as Node | undefined);
  if (resolved === undefined || depth > 20) return null;
  if (isScalar(resolved)) return resolved.value ?? null;
  if (isSeq(resolved)) return resolved.items.slice(0, MAX_ITEMS).map((item) => toData(yaml, item, depth + 1));
  if (isMap(resolved)) {
    const out: Record<string, unknown> = {};
    for (const pair of resolved.items.slice(0, MAX_ITEMS)) {
      const key = keyOf(pair);
      if (key !== undefined) out[key] = toData(yaml, pair.value, depth + 1);
    }
    return out;
  }
  return null;
}

/** The node at a JSON-pointer-like path below a node (for placing option errors exactly). */
function nodeAt(yaml: YamlDoc, node: Node, path: readonly string[], atKey = false): Node | undefined {
  let current: Node | undefined = node;
  for (const [i, segment] of path.entries()) {
    if (isMap(current)) {
      const pair: Pair | undefined = current.items.find((p) => keyOf(p) === segment);
      current = atKey && i === path.length - 1 ? (pair?.key as Node | undefined) : yaml.resolve(pair?.value);
    } else if (isSeq(current)) current = yaml.resolve(current.items[Number(segment)]);
    else return current;
    if (!current) return undefined;
  }
  return current;
}

/** `node:22@sha256:…` → `node` (the name part: text after the last `/` stops at `:` or `@`). */
function withoutTagOrDigest(image: string): string {
  const slash = image.lastIndexOf('/');
  let end = image.length;
  for (let i = slash + 1; i < image.length; i++) {
    if (image[i] === ':' || image[i] === '@') {
      end = i;
      break;
    }
  }
  return image.slice(0, end);
}
