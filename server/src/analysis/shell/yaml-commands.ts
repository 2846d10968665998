import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { YamlDoc } from '../../documents/yaml';
import type { Range } from '../../engine/types';
import { commandName, POSIX_SHELLS } from './commands';
import { analyzeShell, shellParserReady, type ShellAnalysis, type ShellWord } from './parser';

/** Shell code or an argv found in a Compose/Kubernetes command, with a way back to document ranges. */
export interface YamlCommandCode {
  analysis: ShellAnalysis;
  range(start: number, end: number): Range;
}

/** A scalar's text and how offsets in it map to the document: exactly when it has no escapes or folding. */
function scalarSource(yaml: YamlDoc, node: Scalar): { src: string; range(s: number, e: number): Range } {
  const value = String(node.value ?? '');
  const [a, b] = node.range ?? [0, 0];
  const raw = yaml.lines.text.slice(a, b);
  const quoted = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE';
  const base = quoted && raw.slice(1, -1) === value ? a + 1 : raw === value ? a : undefined;
  if (base === undefined) return { src: value, range: () => yaml.lines.rangeOf(a, b) };
  return { src: value, range: (s, e) => yaml.lines.rangeOf(base + s, base + e) };
}

function argvCommand(words: ShellWord[]): ShellAnalysis {
  return {
    commands: [{ argv: words, assigns: [], redirects: [], start: words[0]?.start ?? 0, end: words[words.length - 1]?.end ?? 0, depth: 0 }],
    pipelines: [],
    heredocs: [],
    lists: [],
    hasError: false,
  };
}

/**
 * The code of a container's command: `parts` are the values in the order the runtime joins them
 * (Compose `entrypoint` + `command`, Kubernetes `command` + `args`). A string is split as a shell
 * would; a list is argv; `["sh", "-c", "script"]` also yields the script, parsed as shell.
 * Shell parsing needs the parser; without it only lists are read.
 */
export function yamlCommandCode(yaml: YamlDoc, parts: (Node | undefined)[]): YamlCommandCode[] {
  const out: YamlCommandCode[] = [];
  const items: Scalar[] = [];
  for (const part of parts) {
    if (isSeq(part)) {
      for (const item of yaml.items(part)) if (isScalar(item) && item.range) items.push(item);
    } else if (isScalar(part) && part.range && typeof part.value === 'string' && shellParserReady()) {
      const source = scalarSource(yaml, part);
      out.push({ analysis: analyzeShell(source.src), range: source.range });
    }
  }
  if (items.length === 0) return out;
  const words: ShellWord[] = items.map((item) => ({ value: String(item.value ?? ''), start: item.range![0], end: item.range![1], dynamic: false }));
  out.push({ analysis: argvCommand(words), range: (s, e) => yaml.lines.rangeOf(s, e) });
  const name = commandName(words[0]);
  const c = words.findIndex((w, i) => i > 0 && /^-[a-z]*c$/.test(w.value));
  if (name && POSIX_SHELLS.has(name) && c > 0 && c + 1 < items.length && shellParserReady()) {
    const source = scalarSource(yaml, items[c + 1]);
    out.push({ analysis: analyzeShell(source.src), range: source.range });
  }
  return out;
}
