import { isMap, type Pair, type YAMLMap } from 'yaml';
import type { Container, PodSpec } from '../documents/kubernetes';
import { isTrue, keyOf, scalarString } from '../documents/yaml';

/** A pod volume: its name and the key that gives its type (`hostPath`, `emptyDir`, …). */
export interface PodVolume {
  map: YAMLMap;
  name?: string;
  /** The type pair: the one key besides `name`. */
  typePair?: Pair;
  type?: string;
  /** `hostPath.path`, for hostPath volumes. */
  hostPath?: string;
}

export function podVolumes(pod: PodSpec): PodVolume[] {
  const { yaml } = pod.object;
  const out: PodVolume[] = [];
  for (const item of yaml.items(yaml.getSeq(pod.map, 'volumes'))) {
    if (!isMap(item)) continue;
    const typePair = item.items.find((p) => {
      const key = keyOf(p);
      return key !== undefined && key !== 'name' && key !== '<<';
    });
    const type = typePair ? keyOf(typePair) : undefined;
    out.push({
      map: item,
      name: scalarString(yaml.get(item, 'name')),
      typePair,
      type,
      hostPath: type === 'hostPath' ? scalarString(yaml.get(yaml.getMap(item, 'hostPath'), 'path')) : undefined,
    });
  }
  return out;
}

/** A container's `volumeMounts` entry. */
export interface VolumeMount {
  container: Container;
  map: YAMLMap;
  name?: string;
  mountPath?: string;
  /** The sub-path of the volume mounted, when one is set. */
  subPath?: string;
  readOnly: boolean;
}

export function volumeMounts(container: Container): VolumeMount[] {
  const { yaml } = container.pod.object;
  return yaml.items(yaml.getSeq(container.map, 'volumeMounts')).flatMap((item) =>
    isMap(item)
      ? [{
          container,
          map: item,
          name: scalarString(yaml.get(item, 'name')),
          mountPath: scalarString(yaml.get(item, 'mountPath')),
          subPath: scalarString(yaml.get(item, 'subPath'))?.trim() || undefined,
          readOnly: isTrue(yaml.get(item, 'readOnly')),
        }]
      : [],
  );
}

/** The mounts of a volume across all containers of its pod. */
export function mountsOf(pod: PodSpec, volumeName: string | undefined): VolumeMount[] {
  if (volumeName === undefined) return [];
  return pod.containers.flatMap((c) => volumeMounts(c).filter((m) => m.name === volumeName));
}
