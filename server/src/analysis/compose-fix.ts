import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ComposeFile } from '../documents/compose';
import { keyOf } from '../documents/yaml';
import type { Fix, TextEdit } from '../engine/types';

/**
 * Compose files share settings through anchors (`x-defaults: &defaults`, `<<: *defaults`). A fix
 * that edits inside an anchor that several services use changes all of them, so such a fix says
 * so in its title and is never safe (never applied on save).
 */
export function composeFix(compose: ComposeFile, title: string, edits: TextEdit[], safe: boolean): Fix {
  const shared = sharedAnchorOf(compose, edits);
  if (!shared) return { title, edits, safe };
  return { title: `${title} (edits the shared ${shared} anchor)`, edits, safe: false };
}

/** The name of a shared anchor one of the edits falls inside (`x-defaults`, or `&name`), if any. */
export function sharedAnchorOf(compose: ComposeFile, edits: TextEdit[]): string | undefined {
  const { yaml } = compose;
  const points = edits.map((e) => ({ at: yaml.lines.offsetAt(e.range.start), column: newLineColumn(e) }));
  const { anchored, aliases } = survey(compose);
  const services = yaml.get(compose.root, 'services');
  const [servicesStart, servicesEnd] = services?.range ?? [0, 0];
  for (const { node, anchor } of anchored) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const column = yaml.lines.positionAt(start).character;
    // Text inserted on a new line less indented than the anchored block belongs to an outer mapping.
    if (!points.some((p) => p.at >= start && p.at < end && (p.column === undefined || p.column >= column))) continue;
    // Used by several services: aliased twice, or aliased once and also used where it is written.
    const users = (aliases.get(anchor) ?? 0) + (start >= servicesStart && start < servicesEnd ? 1 : 0);
    if (users < 2) continue;
    return topLevelKeyOf(compose, node) ?? `&${anchor}`;
  }
  return undefined;
}

interface Survey {
  anchored: { node: Node; anchor: string }[];
  aliases: Map<string, number>;
  /** Each pair's mapping, for mapHolding. */
  holders: Map<Pair, YAMLMap>;
}

const surveys = new WeakMap<ComposeFile, Survey>();

/** Anchors, alias counts and pair owners of a Compose document, walked once however many fixes ask. */
function survey(compose: ComposeFile): Survey {
  let found = surveys.get(compose);
  if (found) return found;
  found = { anchored: [], aliases: new Map(), holders: new Map() };
  const { anchored, aliases, holders } = found;
  // A plain walk: yaml's visit() builds and freezes a path array at every node, which cost more
  // than the rest of the compose rules together.
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      aliases.set(node.source, (aliases.get(node.source) ?? 0) + 1);
      return;
    }
    if (isPair(node)) {
      // a `key: value` inside a flow sequence
      walk(node.key);
      walk(node.value);
      return;
    }
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) return;
    if (node.anchor) anchored.push({ node, anchor: node.anchor });
    if (isMap(node)) {
      for (const pair of node.items) {
        holders.set(pair, node);
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  walk(compose.yaml.doc.contents);
  surveys.set(compose, found);
  return found;
}

/** The indentation of an insertion that starts a new line, else undefined. */
function newLineColumn(edit: TextEdit): number | undefined {
  const insertion = edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
  const m = /^\r?\n( *)/.exec(edit.newText);
  return insertion && m ? m[1].length : undefined;
}

function topLevelKeyOf(compose: ComposeFile, node: Node): string | undefined {
  const pair = compose.root.items.find((p) => p.value === node);
  return pair ? keyOf(pair) : undefined;
}

/** The mapping a pair is written in (for a pair inherited through a merge key, the anchor's mapping). */
export function mapHolding(compose: ComposeFile, pair: Pair): YAMLMap | undefined {
  return survey(compose).holders.get(pair);
}
