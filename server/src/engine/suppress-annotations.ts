import { parseAllDocuments, type Node } from 'yaml';
import { removePair } from '../analysis/yaml-edit';
import { annotations, kubernetesObjects } from '../documents/kubernetes';
import { scalarString, YamlDoc } from '../documents/yaml';
import { splitYamlDocuments } from '../documents/yaml-chunks';
import type { WrittenId } from './suppress-directives';
import type { LineSpan } from './suppress-scopes';
import { LineIndex } from './text';
import type { Range, TextEdit } from './types';

/**
 * Ignores written as Kubernetes annotations; each covers its whole object (and so the object's
 * containers):
 *   ignore.shipshape.dev/<rule>: "<reason>"
 *   ignore-check.kube-linter.io/<check>: "<reason>"
 *   checkov.io/skip<N>: <CHECK_ID>[=<reason>]
 */
export type AnnotationForm = 'shipshape' | 'kube-linter' | 'checkov';

export interface AnnotationDirective {
  form: AnnotationForm;
  id: WrittenId;
  reason?: string;
  /** The annotation (key and value). */
  range: Range;
  /** The lines of the annotated object. */
  span: LineSpan;
  /** Removes the annotation, for the `unused-ignore` fix. */
  removal: TextEdit;
}

export const ANNOTATION_MARKER = /ignore\.shipshape\.dev\/|ignore-check\.kube-linter\.io\/|checkov\.io\/skip/;

const SHIPSHAPE_KEY = 'ignore.shipshape.dev/';
const KUBE_LINTER_KEY = 'ignore-check.kube-linter.io/';
const CHECKOV_KEY = /^checkov\.io\/skip\d*$/;

const CACHE_LIMIT = 200;
const cache = new Map<string, AnnotationDirective[]>();

/** The annotation ignores of a Kubernetes YAML text; documents without a marker are not parsed. */
export function annotationDirectives(text: string): AnnotationDirective[] {
  const out: AnnotationDirective[] = [];
  for (const chunk of splitYamlDocuments(text)) {
    if (!ANNOTATION_MARKER.test(chunk.text)) continue;
    let found = cache.get(chunk.text);
    if (found) cache.delete(chunk.text);
    else found = chunkDirectives(chunk.text);
    cache.set(chunk.text, found);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    for (const d of found) out.push(chunk.line ? shift(d, chunk.line) : d);
  }
  return out;
}

function chunkDirectives(text: string): AnnotationDirective[] {
  const lines = new LineIndex(text);
  const out: AnnotationDirective[] = [];
  const docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  for (const doc of Array.isArray(docs) ? docs : []) {
    const yaml = new YamlDoc(doc, lines);
    for (const object of kubernetesObjects(yaml)) {
      const [start, end] = object.map.range ?? [0, 0];
      const span = { start: lines.positionAt(start).line, end: lines.positionAt(Math.max(start, end - 1)).line };
      const metadata = yaml.getMap(object.map, 'metadata');
      const map = yaml.getMap(metadata, 'annotations');
      if (!map) continue;
      for (const [key, pair] of annotations(object)) {
        const keyNode = pair.key as Node;
        const keyStart = keyNode.range?.[0] ?? 0;
        const keyText = lines.text.slice(keyStart, keyNode.range?.[1] ?? keyStart);
        const keyOffset = Math.max(0, keyText.indexOf(key.slice(0, 8)));
        const value = scalarString(pair.value)?.trim();
        const base = { range: yaml.pairRange(pair), span, removal: removePair(yaml, map, pair) };
        const idAt = (offset: number, id: string): WrittenId => ({ id, range: lines.rangeOf(offset, offset + id.length) });
        if (key.startsWith(SHIPSHAPE_KEY) || key.startsWith(KUBE_LINTER_KEY)) {
          const prefix = key.startsWith(SHIPSHAPE_KEY) ? SHIPSHAPE_KEY : KUBE_LINTER_KEY;
          const id = key.slice(prefix.length);
          out.push({
            ...base,
            form: prefix === SHIPSHAPE_KEY ? 'shipshape' : 'kube-linter',
            id: idAt(keyStart + keyOffset + prefix.length, id),
            reason: value || undefined,
          });
        } else if (CHECKOV_KEY.test(key) && value) {
          const eq = value.indexOf('=');
          const id = (eq >= 0 ? value.slice(0, eq) : value).trim();
          const valueNode = pair.value as Node;
          const valueStart = valueNode.range?.[0] ?? keyStart;
          const at = lines.text.indexOf(id, valueStart);
          out.push({ ...base, form: 'checkov', id: idAt(at >= 0 ? at : valueStart, id), reason: eq >= 0 ? value.slice(eq + 1).trim() || undefined : undefined });
        }
      }
    }
  }
  return out;
}

function shiftRange(range: Range, by: number): Range {
  return { start: { line: range.start.line + by, character: range.start.character }, end: { line: range.end.line + by, character: range.end.character } };
}

function shift(d: AnnotationDirective, by: number): AnnotationDirective {
  return {
    ...d,
    id: { ...d.id, range: shiftRange(d.id.range, by) },
    range: shiftRange(d.range, by),
    span: { start: d.span.start + by, end: d.span.end + by },
    removal: { ...d.removal, range: shiftRange(d.removal.range, by) },
  };
}
