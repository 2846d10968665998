import { readFileSync } from 'node:fs';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { getRule } from '../engine/registry';
import { comparePositions } from '../engine/text';
import type { Finding } from '../engine/types';

/** What a hover says about a rule; `why` comes from the rule's doc page ("## Why it matters"). */
export interface RuleHoverInfo {
  summary: string;
  why?: string;
  aka: string[];
  docsUrl: string;
}

/** On a finding's range: the rule's summary, why it matters and its ids in other tools. */
export function hoverAt(findings: readonly Finding[], position: Position, info: (ruleId: string) => RuleHoverInfo | undefined): Hover | null {
  const here = findings.filter((f) => comparePositions(f.range.start, position) <= 0 && comparePositions(position, f.range.end) <= 0);
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const finding of here) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    const rule = info(finding.ruleId);
    if (!rule) continue;
    const lines = [`**${finding.ruleId}** (Shipshape, ${finding.severity}): ${rule.summary}`];
    if (rule.why) lines.push('', `*Why it matters:* ${rule.why}`);
    if (rule.aka.length > 0) lines.push('', `*Also known as:* ${rule.aka.map((a) => `\`${a}\``).join(', ')}`);
    lines.push('', `[Documentation](${rule.docsUrl})`);
    sections.push(lines.join('\n'));
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}

/** The first paragraph of a Markdown section, unwrapped to one line. */
export function docSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim().toLowerCase() === `## ${heading.toLowerCase()}`);
  if (at < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.startsWith('#')) break;
    if (!line.trim()) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}

/** Hover info from the registry and the doc pages shipped beside the bundle (read once per rule). */
export function ruleHoverInfo(docsPath: (ruleId: string) => string, docsUrl: (ruleId: string) => string): (ruleId: string) => RuleHoverInfo | undefined {
  const why = new Map<string, string | undefined>();
  return (ruleId) => {
    const rule = getRule(ruleId);
    if (!rule) return undefined;
    if (!why.has(ruleId)) {
      let text: string | undefined;
      try {
        text = docSection(readFileSync(docsPath(ruleId), 'utf8'), 'Why it matters');
      } catch {
        text = undefined;
      }
      why.set(ruleId, text);
    }
    return { summary: rule.meta.docs.summary, why: why.get(ruleId), aka: rule.meta.docs.aka, docsUrl: docsUrl(ruleId) };
  };
}
