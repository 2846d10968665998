import { isMap, isScalar, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { asMap, asSeq, isTrue, scalarString, type YamlDoc } from '../documents/yaml';
import { isInterpolated, splitOutsideInterpolation, unescapeDollars } from './compose-values';

/** One entry of a Compose service's `volumes:`, short (`src:dst[:mode]`) or long (`{type, source, target}`) syntax. */
export interface ComposeMount {
  form: 'short' | 'long';
  /** `bind`, `volume`, `tmpfs`, … ; short syntax: `bind` when the source is a path, `volume` otherwise. */
  type: string;
  /** The source as Compose reads it (`$$` undone); undefined for anonymous volumes. */
  source?: string;
  target?: string;
  /** True when the source holds a variable: not a literal path a rule may judge. */
  interpolated: boolean;
  /** `ro` in the short syntax's mode, `read_only: true` in the long one. */
  readOnly: boolean;
  /** Read-only-ness cannot be told (`read_only: ${RO}`). */
  readOnlyUnknown: boolean;
  /** Short syntax mode options (`ro`, `z`, `rshared`, …). */
  options: string[];
  /** Bind propagation: a short-syntax option or long syntax `bind.propagation`. */
  propagation?: string;
  propagationNode?: Node;
  /** The sequence item. */
  node: Node;
  seq: YAMLSeq;
  /** Long syntax: the mapping, its `source` scalar and its `read_only` pair. */
  map?: YAMLMap;
  sourceNode?: Scalar;
  readOnlyPair?: Pair;
}

const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

/** Compose treats a short-syntax source as a host path when it starts like one. */
export function isHostPathSource(source: string): boolean {
  return /^(\/|\.|~|\$|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

export function composeMounts(yaml: YamlDoc, volumes: unknown): ComposeMount[] {
  const seq = asSeq(volumes);
  if (!seq) return [];
  const out: ComposeMount[] = [];
  for (const item of yaml.items(seq)) {
    if (isScalar(item)) {
      const text = scalarString(item);
      if (text) out.push(shortMount(text, item, seq));
    } else if (isMap(item)) {
      out.push(longMount(yaml, item, seq));
    }
  }
  return out;
}

function shortMount(text: string, node: Scalar, seq: YAMLSeq): ComposeMount {
  // A Windows drive letter (`C:\data:/data`) keeps its colon.
  const drive = /^[A-Za-z]:[\\/]/.test(text) ? 2 : 0;
  const parts = splitOutsideInterpolation(text.slice(drive), ':').map((p, i) => (i === 0 && drive ? text.slice(0, drive) + p.text : p.text));
  const mount: ComposeMount = { form: 'short', type: 'volume', interpolated: false, readOnly: false, readOnlyUnknown: false, options: [], node, seq };
  if (parts.length === 1) {
    mount.target = parts[0];
    return mount;
  }
  const source = parts[0];
  mount.interpolated = isInterpolated(source);
  mount.source = unescapeDollars(source);
  mount.target = parts[1];
  mount.type = isHostPathSource(source) ? 'bind' : 'volume';
  mount.options = parts.slice(2).join(':').split(',').map((o) => o.trim()).filter(Boolean);
  mount.readOnly = mount.options.some((o) => o === 'ro' || o === 'readonly');
  mount.propagation = mount.options.find((o) => PROPAGATIONS.has(o));
  if (mount.propagation) mount.propagationNode = node;
  return mount;
}

function longMount(yaml: YamlDoc, map: YAMLMap, seq: YAMLSeq): ComposeMount {
  const sourceNode = yaml.get(map, 'source');
  const source = scalarString(sourceNode);
  const readOnly = yaml.lookup(map, 'read_only');
  const readOnlyText = scalarString(readOnly?.value);
  const bind = asMap(yaml.get(map, 'bind'));
  const propagation = bind ? yaml.lookup(bind, 'propagation') : undefined;
  return {
    form: 'long',
    type: scalarString(yaml.get(map, 'type')) ?? 'volume',
    source: source === undefined ? undefined : unescapeDollars(source),
    target: scalarString(yaml.get(map, 'target')),
    interpolated: source !== undefined && isInterpolated(source),
    readOnly: !!readOnly && isTrue(readOnly.value),
    readOnlyUnknown: readOnlyText !== undefined && isInterpolated(readOnlyText),
    options: [],
    propagation: scalarString(propagation?.value),
    propagationNode: propagation ? (propagation.value as Node) : undefined,
    node: map,
    seq,
    map,
    sourceNode: isScalar(sourceNode) ? sourceNode : undefined,
    readOnlyPair: readOnly?.pair,
  };
}

/** The short-syntax text with the mount made read-only: `:ro` appended, or `rw` turned into `ro`. */
export function readOnlyShortSyntax(text: string): string {
  const drive = /^[A-Za-z]:[\\/]/.test(text) ? 2 : 0;
  const parts = splitOutsideInterpolation(text.slice(drive), ':');
  if (parts.length < 3) return `${text}:ro`;
  const modeAt = drive + parts[2].at;
  const options = text.slice(modeAt).split(',');
  const rw = options.findIndex((o) => o.trim() === 'rw');
  if (rw >= 0) options[rw] = 'ro';
  else options.push('ro');
  return text.slice(0, modeAt) + options.join(',');
}
