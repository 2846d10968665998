import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { YamlDoc } from '../documents/yaml';
import type { Range } from '../engine/types';
import { variableRefs } from '../documents/variables';

/** One variable of a Compose `environment:` or `build.args:` block, in map or `KEY=value` list form. */
export interface EnvEntry {
  name: string;
  /** The value with Compose's `$$` escape undone; undefined when unset (`KEY` alone, or `KEY:` with no value). */
  value?: string;
  /** The value as written, before unescaping. */
  raw?: string;
  nameRange: Range;
  /** The scalar holding the value (map form) or the whole `KEY=value` item (list form). */
  node: Scalar;
  form: 'map' | 'list';
}

export function envEntries(yaml: YamlDoc, block: Node | undefined): EnvEntry[] {
  const out: EnvEntry[] = [];
  if (isMap(block)) {
    for (const pair of block.items) {
      const key = pair.key;
      if (!isScalar(key) || key.value === null || key.value === undefined) continue;
      const value = yaml.resolve(pair.value);
      const raw = isScalar(value) && value.value !== null && value.value !== undefined ? String(value.source ?? value.value) : undefined;
      const node = isScalar(value) ? value : key;
      out.push({ name: String(key.value), raw, value: raw === undefined ? undefined : raw.replace(/\$\$/g, '$'), nameRange: yaml.range(key), node, form: 'map' });
    }
  } else if (isSeq(block)) {
    for (const item of yaml.items(block)) {
      if (!isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
      const text = item.value;
      const eq = text.indexOf('=');
      const name = eq >= 0 ? text.slice(0, eq) : text;
      const raw = eq >= 0 ? text.slice(eq + 1) : undefined;
      const start = item.range[0] + (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0);
      out.push({ name, raw, value: raw?.replace(/\$\$/g, '$'), nameRange: yaml.lines.rangeOf(start, start + name.length), node: item, form: 'list' });
    }
  }
  return out;
}

/** Literal defaults inside interpolations: `${DB_PASSWORD:-hunter2}` → `hunter2`. */
export function interpolationDefaults(value: string): string[] {
  return variableRefs(value)
    .filter((ref) => ref.op === '-' && /^[A-Za-z_]/.test(ref.name))
    .map((ref) => ref.word ?? '');
}
