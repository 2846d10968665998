import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KIND_NAMES, rulesFileSchema } from '../config/schema';
import type { RuleMeta } from '../engine/rule';
import { getRule } from '../engine/registry';
import { allRules } from '../rules';
import type { RuleHoverInfo } from './hover';
import { isRulesMap, slotAt } from './rules-file-context';

export type RuleInfo = (ruleId: string) => RuleHoverInfo | undefined;

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
}

interface KeyDescriptions {
  top: Map<string, string>;
  /** Keys of an `overrides` entry. */
  override: Map<string, string>;
}

let described: KeyDescriptions | undefined;

function descriptionOf(node: SchemaNode | undefined): string | undefined {
  return node?.description ?? node?.oneOf?.map((n) => n.description).find((d) => d !== undefined);
}

function describeAll(properties: Record<string, SchemaNode> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, node] of Object.entries(properties ?? {})) {
    const description = descriptionOf(node);
    if (description) out.set(key, description);
  }
  return out;
}

/** Descriptions of the rules file's keys, read from its JSON Schema: one text for the schema, completion and hover. */
export function keyDescriptions(): KeyDescriptions {
  if (!described) {
    const schema = rulesFileSchema(allRules) as SchemaNode;
    described = { top: describeAll(schema.properties), override: describeAll(schema.properties?.overrides?.items?.properties) };
  }
  return described;
}

/** Where a rule applies and how it is set by default, in words (for completion details and hovers). */
export function ruleFacts(meta: RuleMeta): { kinds: string; profile: string; severity: string } {
  const differing = (field: 'profile' | 'severity') =>
    meta.kinds.flatMap((k) => {
      const value = meta.byKind?.[k]?.[field];
      return value && value !== meta[field] ? [`${KIND_NAMES[k]}: ${value}`] : [];
    });
  const severityNotes = differing('severity');
  if (meta.strictSeverity && meta.strictSeverity !== meta.severity) severityNotes.push(`strict profile: ${meta.strictSeverity}`);
  const profileNotes = differing('profile');
  const noted = (value: string, notes: string[]) => (notes.length > 0 ? `${value} (${notes.join('; ')})` : value);
  return {
    kinds: meta.kinds.map((k) => KIND_NAMES[k]).join(', '),
    profile: noted(meta.profile, profileNotes),
    severity: noted(meta.severity, severityNotes),
  };
}

/** A rule, as a hover on its id in the rules file shows it. */
export function ruleMarkdown(ruleId: string, info: RuleInfo): string | undefined {
  const rule = getRule(ruleId);
  const about = info(ruleId);
  if (!rule || !about) return undefined;
  const facts = ruleFacts(rule.meta);
  const lines = [
    `**${ruleId}** (Shipshape rule): ${about.summary}`,
    '',
    `${facts.kinds} · ${facts.profile} profile · default severity ${facts.severity}${rule.meta.fixable ? ' · has a quick-fix' : ''}`,
  ];
  if (about.why) lines.push('', `*Why it matters:* ${about.why}`);
  if (about.aka.length > 0) lines.push('', `*Also known as:* ${about.aka.map((a) => `\`${a}\``).join(', ')}`);
  lines.push('', `[Documentation](${about.docsUrl})`);
  return lines.join('\n');
}

/** Hover in a YAML rules file: a rule id under `rules:` (also in `overrides`), or a key of the file. */
export function rulesFileHover(document: TextDocument, position: Position, info: RuleInfo): Hover | null {
  const text = document.getText();
  const slot = slotAt(text, document.offsetAt(position));
  if (!slot || slot.at !== 'key' || slot.word.start === slot.word.end) return null;
  const key = text.slice(slot.word.start, slot.word.end);
  let value: string | undefined;
  if (isRulesMap(slot.path)) value = ruleMarkdown(key, info);
  else {
    const descriptions = slot.path.length === 0 ? keyDescriptions().top : isOverrideEntry(slot.path) ? keyDescriptions().override : undefined;
    const description = descriptions?.get(key);
    if (description) value = `**${key}** (Shipshape rules file): ${description}`;
  }
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: document.positionAt(slot.word.start), end: document.positionAt(slot.word.end) },
  };
}

export function isOverrideEntry(path: readonly string[]): boolean {
  return path.length === 2 && path[0] === 'overrides' && path[1] === '-';
}
