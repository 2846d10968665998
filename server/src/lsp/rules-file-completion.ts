import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TOP_LEVEL_KEYS } from '../config/parse';
import { PROFILES, RULE_LEVELS } from '../config/schema';
import { getRule } from '../engine/registry';
import { allRules } from '../rules';
import { isOverrideEntry, keyDescriptions, ruleFacts, type RuleInfo } from './rules-file-hover';
import { isRulesMap, slotAt, type KeySlot, type ValueSlot } from './rules-file-context';

/** Opens the suggestions again after a key is inserted, so its value (or the rule ids below it) comes next. */
const SUGGEST_AGAIN: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** Top-level keys offered, in the order the spec writes them (`$schema` is for editors, not people). */
const TOP_KEYS = TOP_LEVEL_KEYS.filter((k) => k !== '$schema');

/** How each key's value is written when completion inserts the key (block style). */
const VALUE_SHAPE: Record<string, 'scalar' | 'map' | 'list' | 'overrides'> = {
  extends: 'scalar',
  allowInlineIgnores: 'scalar',
  rules: 'map',
  images: 'map',
  trustedRegistries: 'list',
  nonRootBaseImages: 'list',
  ignorePaths: 'list',
  overrides: 'overrides',
  files: 'scalar',
};

const LEVEL_MEANING: Record<string, string> = {
  off: 'The rule does not run.',
  info: 'Reported as information.',
  warning: 'Reported as a warning.',
  error: 'Reported as an error (fails `shipshape lint` in CI by default).',
};

/** Completion in a YAML rules file: its keys, rule ids under `rules:`, severities, profiles and booleans. */
export function rulesFileCompletion(document: TextDocument, position: Position, info: RuleInfo): CompletionList | null {
  const slot = slotAt(document.getText(), document.offsetAt(position));
  if (!slot) return null;
  const range: Range = { start: document.positionAt(slot.word.start), end: document.positionAt(slot.word.end) };
  const items = slot.at === 'key' ? keyItems(slot, range, info) : valueItems(slot, range);
  return { isIncomplete: false, items };
}

function keyItems(slot: KeySlot, range: Range, info: RuleInfo): CompletionItem[] {
  const present = new Set(slot.siblings);
  if (isRulesMap(slot.path)) {
    return [...allRules]
      .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
      .filter((rule) => !present.has(rule.meta.id))
      .map((rule) => {
        const id = rule.meta.id;
        const facts = ruleFacts(rule.meta);
        const about = info(id);
        const docs = about ? `${about.summary}\n\n[Documentation](${about.docsUrl})` : rule.meta.docs.summary;
        return {
          ...keyItem(id, slot, range, 'scalar'),
          kind: CompletionItemKind.Property,
          detail: `${facts.kinds} · ${facts.profile} · ${facts.severity}`,
          documentation: { kind: MarkupKind.Markdown, value: docs },
        };
      });
  }
  const descriptions = slot.path.length === 0 ? keyDescriptions().top : isOverrideEntry(slot.path) ? keyDescriptions().override : undefined;
  if (!descriptions) return [];
  const keys = slot.path.length === 0 ? TOP_KEYS : ['files', 'rules'];
  return keys
    .filter((key) => !present.has(key))
    .map((key, index) => ({
      ...keyItem(key, slot, range, VALUE_SHAPE[key] ?? 'scalar'),
      kind: CompletionItemKind.Property,
      detail: 'Shipshape rules file',
      documentation: descriptions.get(key) ? { kind: MarkupKind.Markdown, value: descriptions.get(key)! } : undefined,
      sortText: String(index).padStart(2, '0'),
    }));
}

/** The key, and when nothing follows it yet, `: ` or the start of its block (then suggestions again). */
function keyItem(key: string, slot: KeySlot, range: Range, shape: string): CompletionItem {
  const item: CompletionItem = { label: key, insertTextFormat: InsertTextFormat.PlainText, textEdit: { range, newText: key } };
  if (!slot.bare) return item;
  const inner = ' '.repeat(slot.column + 2);
  let newText = `${key}: `;
  if (!slot.flow && shape === 'map') newText = `${key}:\n${inner}`;
  else if (!slot.flow && shape === 'list') newText = `${key}:\n${inner}- `;
  else if (!slot.flow && shape === 'overrides') newText = `${key}:\n${inner}- files: `;
  item.textEdit = { range, newText };
  // The indentation written is the right one already: the editor must not add its own.
  if (newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
  // After a rule id or a scalar key the value comes next; after `rules:` the rule ids.
  if (shape === 'scalar' && key !== 'files') item.command = SUGGEST_AGAIN;
  if (key === 'rules') item.command = SUGGEST_AGAIN;
  return item;
}

function valueItems(slot: ValueSlot, range: Range): CompletionItem[] {
  const value = (label: string, index: number, detail: string, documentation?: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Value,
    detail,
    documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
    sortText: String(index),
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: (slot.needsSpace ? ' ' : '') + label },
  });
  if (isRulesMap(slot.path)) {
    const rule = getRule(slot.key);
    if (!rule) return [];
    const defaultSeverity = ruleFacts(rule.meta).severity;
    return RULE_LEVELS.map((level, i) =>
      value(level, i, level === rule.meta.severity ? `severity (the default for ${slot.key})` : 'severity', `${LEVEL_MEANING[level]} Default for ${slot.key}: ${defaultSeverity}.`),
    );
  }
  if (slot.path.length !== 0) return [];
  const description = keyDescriptions().top.get(slot.key);
  if (slot.key === 'extends') return PROFILES.map((profile, i) => value(profile, i, i === 0 ? 'profile (the default)' : 'profile', description));
  if (slot.key === 'allowInlineIgnores') return ['true', 'false'].map((b, i) => value(b, i, i === 0 ? 'boolean (the default)' : 'boolean', description));
  return [];
}
