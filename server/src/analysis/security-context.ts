import { isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { effectiveSecurityField, type Container, type K8sObject } from '../documents/kubernetes';
import { asMap, keyOf, scalarString, type YamlDoc } from '../documents/yaml';

/**
 * Kubernetes security settings as the kubelet applies them: the container's field, else the pod's,
 * and for seccomp and AppArmor also the legacy annotations on the pod template.
 */

/** Where each kind keeps the pod template's metadata (Pod: its own). */
const TEMPLATE_METADATA_PATHS: Record<string, string[]> = {
  Pod: ['metadata'],
  PodTemplate: ['template', 'metadata'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
};

/** Annotations of the pod template (`spec.template.metadata.annotations`; a Pod's own annotations). */
export function podTemplateAnnotations(object: K8sObject): Map<string, Pair> {
  const { yaml } = object;
  let map: YAMLMap | undefined = object.map;
  for (const key of TEMPLATE_METADATA_PATHS[object.kind] ?? ['spec', 'template', 'metadata']) map = yaml.getMap(map, key);
  const out = new Map<string, Pair>();
  for (const pair of yaml.getMap(map, 'annotations')?.items ?? []) {
    const key = keyOf(pair);
    if (key) out.set(key, pair);
  }
  return out;
}

export type ProfileType = 'RuntimeDefault' | 'Localhost' | 'Unconfined' | string;

export interface EffectiveProfile {
  type: ProfileType;
  /** The pair that decides it: `type:` of the profile field, or the annotation. */
  pair: Pair;
  value: Scalar;
  level: 'container' | 'pod';
  source: 'field' | 'annotation';
}

/** Legacy annotation values (`unconfined`, `runtime/default`, `docker/default`, `localhost/<file>`) as profile types. */
export function annotationProfileType(value: string): ProfileType {
  const v = value.trim();
  if (v === 'unconfined') return 'Unconfined';
  if (v === 'runtime/default' || v === 'docker/default') return 'RuntimeDefault';
  if (v.startsWith('localhost/')) return 'Localhost';
  return v;
}

function fromField(yaml: YamlDoc, profile: YAMLMap | undefined, level: 'container' | 'pod'): EffectiveProfile | undefined {
  const type = yaml.lookup(profile, 'type');
  const text = scalarString(type?.value);
  if (!type || !text || !isScalar(type.value)) return undefined;
  return { type: text, pair: type.pair, value: type.value, level, source: 'field' };
}

function fromAnnotation(pair: Pair | undefined, level: 'container' | 'pod'): EffectiveProfile | undefined {
  const text = scalarString(pair?.value);
  if (!pair || !text || !isScalar(pair.value)) return undefined;
  return { type: annotationProfileType(text), pair, value: pair.value, level, source: 'annotation' };
}

/** The seccomp profile that applies: container field, container annotation, pod field, pod annotation. */
export function effectiveSeccomp(container: Container): EffectiveProfile | undefined {
  const { yaml } = container.pod.object;
  const annotations = podTemplateAnnotations(container.pod.object);
  return (
    fromField(yaml, asMap(yaml.get(container.securityContext, 'seccompProfile')), 'container') ??
    (container.name ? fromAnnotation(annotations.get(`container.seccomp.security.alpha.kubernetes.io/${container.name}`), 'container') : undefined) ??
    fromField(yaml, asMap(yaml.get(container.pod.securityContext, 'seccompProfile')), 'pod') ??
    fromAnnotation(annotations.get('seccomp.security.alpha.kubernetes.io/pod'), 'pod')
  );
}

/** The AppArmor profile that applies: container field, container annotation, pod field. */
export function effectiveAppArmor(container: Container): EffectiveProfile | undefined {
  const { yaml } = container.pod.object;
  const annotations = podTemplateAnnotations(container.pod.object);
  return (
    fromField(yaml, asMap(yaml.get(container.securityContext, 'appArmorProfile')), 'container') ??
    (container.name ? fromAnnotation(annotations.get(`container.apparmor.security.beta.kubernetes.io/${container.name}`), 'container') : undefined) ??
    fromField(yaml, asMap(yaml.get(container.pod.securityContext, 'appArmorProfile')), 'pod')
  );
}

/** The effective value of a boolean container field (`allowPrivilegeEscalation`, `readOnlyRootFilesystem`, …). */
export function effectiveBoolean(container: Container, field: string): { value: boolean | undefined; pair?: Pair; node?: Scalar } {
  const found = effectiveSecurityField(container, field);
  if (!found || !isScalar(found.value)) return { value: undefined };
  const v = found.value.value;
  const value = v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
  return { value, pair: found.pair, node: found.value };
}
