import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../engine/types';
import { asMap, keyOf, scalarString, type Lookup, type YamlDoc } from './yaml';

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** Security-context fields that a pod sets for all its containers unless a container sets its own. */
const POD_LEVEL_FIELDS = new Set(['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions']);

/** Where each workload kind keeps its pod spec. Anything else with `spec.template.spec.containers` is found generically. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const TEMPLATE_PATH = ['spec', 'template', 'spec'];

export interface K8sObject {
  yaml: YamlDoc;
  map: YAMLMap;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The `kind:` pair: where findings about the object as a whole are anchored. */
  kindPair: Pair;
  podSpec?: PodSpec;
}

export interface PodSpec {
  object: K8sObject;
  map: YAMLMap;
  /** The pair whose value is the pod spec (`spec:`), the anchor for pod-level findings. */
  pair: Pair;
  securityContext?: YAMLMap;
  containers: Container[];
}

export interface Container {
  pod: PodSpec;
  map: YAMLMap;
  group: ContainerGroup;
  name?: string;
  /** `name:` key, else `image:` key, else the item itself: where findings about the container go. */
  anchor: Range;
  securityContext?: YAMLMap;
}

export interface Effective extends Lookup {
  level: 'container' | 'pod';
}

export function effectiveSecurityField(container: Container, field: string): Effective | undefined {
  const { yaml } = container.pod.object;
  const own = yaml.lookup(container.securityContext, field);
  if (own) return { ...own, level: 'container' };
  if (!POD_LEVEL_FIELDS.has(field)) return undefined;
  const pod = yaml.lookup(container.pod.securityContext, field);
  return pod ? { ...pod, level: 'pod' } : undefined;
}

/** Kubernetes objects in one YAML document: the object itself, or the items of a `kind: List`. */
export function kubernetesObjects(yaml: YamlDoc): K8sObject[] {
  const root = asMap(yaml.root);
  if (!root) return [];
  const top = toObject(yaml, root);
  if (!top) return [];
  if (top.kind === 'List' || top.kind.endsWith('List')) {
    const items = yaml.items(yaml.getSeq(root, 'items'));
    const objects = items.flatMap((item) => (isMap(item) ? [toObject(yaml, item)] : [])).filter((o): o is K8sObject => !!o);
    if (objects.length > 0 || top.kind === 'List') return objects;
  }
  return [top];
}

export function isKubernetesMap(yaml: YamlDoc, map: YAMLMap): boolean {
  return !!scalarString(yaml.get(map, 'apiVersion')) && !!scalarString(yaml.get(map, 'kind'));
}

function toObject(yaml: YamlDoc, map: YAMLMap): K8sObject | undefined {
  const apiVersion = scalarString(yaml.get(map, 'apiVersion'));
  const kindLookup = yaml.lookup(map, 'kind');
  const kind = scalarString(kindLookup?.value);
  if (!apiVersion || !kind || !kindLookup) return undefined;
  const metadata = yaml.getMap(map, 'metadata');
  const object: K8sObject = {
    yaml,
    map,
    apiVersion,
    kind,
    name: scalarString(yaml.get(metadata, 'name')),
    namespace: scalarString(yaml.get(metadata, 'namespace')),
    kindPair: kindLookup.pair,
  };
  object.podSpec = findPodSpec(object);
  return object;
}

function findPodSpec(object: K8sObject): PodSpec | undefined {
  const { yaml } = object;
  const path = POD_SPEC_PATHS[object.kind] ?? TEMPLATE_PATH;
  let map: YAMLMap | undefined = object.map;
  let pair: Pair | undefined;
  for (const key of path) {
    const found: Lookup | undefined = yaml.lookup(map, key);
    map = asMap(found?.value);
    pair = found?.pair;
    if (!map || !pair) return undefined;
  }
  if (!map || !pair) return undefined;
  if (!POD_SPEC_PATHS[object.kind] && !yaml.get(map, 'containers')) return undefined;
  const pod: PodSpec = { object, map, pair, securityContext: yaml.getMap(map, 'securityContext'), containers: [] };
  for (const group of CONTAINER_GROUPS) {
    for (const item of yaml.items(yaml.getSeq(map, group))) {
      const container = asMap(item);
      if (!container) continue;
      const nameLookup = yaml.lookup(container, 'name');
      const anchorNode: Node | undefined = (nameLookup?.pair.key as Node) ?? (yaml.lookup(container, 'image')?.pair.key as Node) ?? container;
      pod.containers.push({
        pod,
        map: container,
        group,
        name: scalarString(nameLookup?.value),
        anchor: yaml.range(anchorNode),
        securityContext: yaml.getMap(container, 'securityContext'),
      });
    }
  }
  return pod;
}

/** Annotations of an object as key → value pair. */
export function annotations(object: K8sObject): Map<string, Pair> {
  const out = new Map<string, Pair>();
  const map = object.yaml.getMap(object.yaml.getMap(object.map, 'metadata'), 'annotations');
  for (const pair of map?.items ?? []) {
    const key = keyOf(pair);
    if (key) out.set(key, pair);
  }
  return out;
}

export function containerLabel(container: Container): string {
  const kind = container.group === 'containers' ? 'container' : container.group === 'initContainers' ? 'init container' : 'ephemeral container';
  return container.name ? `${kind} "${container.name}"` : kind;
}
