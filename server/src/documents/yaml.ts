import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../engine/text';
import type { Range } from '../engine/types';

/**
 * One parsed YAML document with what the rules need: exact ranges, alias resolution without
 * expansion (a "billion laughs" file costs nothing), and lookups that follow merge keys.
 */
export class YamlDoc {
  private anchors?: Map<string, Node[]>;

  constructor(readonly doc: Document.Parsed, readonly lines: LineIndex) {}

  get root(): Node | null {
    return this.doc.contents;
  }

  /** The node an alias points to; other nodes are returned as they are. */
  resolve(node: unknown): Node | undefined {
    if (!node) return undefined;
    if (!isAlias(node)) return node as Node;
    const candidates = this.anchorMap().get(node.source);
    if (!candidates) return undefined;
    const at = node.range?.[0] ?? Infinity;
    let found: Node | undefined;
    for (const c of candidates) if ((c.range?.[0] ?? 0) < at) found = c;
    return found && !isAlias(found) ? found : undefined;
  }

  private anchorMap(): Map<string, Node[]> {
    if (!this.anchors) {
      const anchors = new Map<string, Node[]>();
      visit(this.doc, (_key, node) => {
        const anchor = (node as { anchor?: string } | null)?.anchor;
        if (anchor && (isMap(node) || isSeq(node) || isScalar(node))) {
          const list = anchors.get(anchor) ?? [];
          list.push(node);
          anchors.set(anchor, list);
        }
      });
      this.anchors = anchors;
    }
    return this.anchors;
  }

  /** Own pair first, then pairs inherited through `<<` merge keys (in order, first wins). */
  lookup(map: YAMLMap | undefined, key: string, depth = 0, seen = new Set<YAMLMap>()): Lookup | undefined {
    // Each mapping is searched once: a merge-key "bomb" (maps merging the same map many times over) stays linear.
    if (!map || seen.has(map)) return undefined;
    seen.add(map);
    for (const pair of map.items) {
      if (keyOf(pair) === key) return { pair, value: this.resolve(pair.value), inherited: false };
    }
    if (depth > 8) return undefined;
    for (const pair of map.items) {
      if (keyOf(pair) !== '<<') continue;
      const sources = isSeq(this.resolve(pair.value)) ? (this.resolve(pair.value) as YAMLSeq).items : [pair.value];
      for (const source of sources) {
        const found = this.lookup(asMap(this.resolve(source)), key, depth + 1, seen);
        if (found) return { ...found, inherited: true };
      }
    }
    return undefined;
  }

  /** Keys of a mapping including inherited ones (own keys first). */
  keys(map: YAMLMap | undefined): string[] {
    const keys = new Set<string>();
    const seen = new Set<YAMLMap>();
    const add = (m: YAMLMap | undefined, depth: number): void => {
      if (!m || depth > 8 || seen.has(m)) return;
      seen.add(m);
      for (const pair of m.items) {
        const k = keyOf(pair);
        if (k === '<<') {
          const v = this.resolve(pair.value);
          for (const s of isSeq(v) ? v.items : [v]) add(asMap(this.resolve(s)), depth + 1);
        } else if (k !== undefined) keys.add(k);
      }
    };
    add(map, 0);
    return [...keys];
  }

  get(map: YAMLMap | undefined, key: string): Node | undefined {
    return this.lookup(map, key)?.value;
  }

  getMap(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
    return asMap(this.get(map, key));
  }

  getSeq(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
    return asSeq(this.get(map, key));
  }

  /** Follows a path of keys through mappings. */
  path(map: YAMLMap | undefined, ...keys: string[]): Node | undefined {
    let node: Node | undefined = map;
    for (const key of keys) {
      node = this.get(asMap(node), key);
      if (!node) return undefined;
    }
    return node;
  }

  /** Items of a sequence with aliases resolved. */
  items(seq: YAMLSeq | undefined): Node[] {
    if (!seq) return [];
    const out: Node[] = [];
    for (const item of seq.items) {
      const node = this.resolve(item);
      if (node) out.push(node);
    }
    return out;
  }

  range(node: { range?: [number, number, number] | null } | undefined | null): Range {
    const r = node?.range;
    if (!r) return this.lines.rangeOf(0, 0);
    return this.lines.rangeOf(r[0], r[1]);
  }

  /** From the start of a pair's key to the end of its value. */
  pairRange(pair: Pair): Range {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
    const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
    return this.lines.rangeOf(start, end);
  }

  keyRange(pair: Pair): Range {
    return this.range(pair.key as Node);
  }
}

export interface Lookup {
  pair: Pair;
  value: Node | undefined;
  /** True when the value comes from a `<<` merge key: the range points where it is written. */
  inherited: boolean;
}

export function keyOf(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) {
    if (typeof key.value === 'symbol') return '<<';
    return key.value === null || key.value === undefined ? undefined : String(key.value);
  }
  return undefined;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function asScalar(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

/** A scalar's value as a string (numbers and booleans as written), or undefined for collections. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

export function isTrue(node: unknown): boolean {
  const v = scalarValue(node);
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

/** A quoted scalar keeps its quotes in edits: the replacement of its inner text. */
export function isQuoted(node: Scalar): boolean {
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
}
