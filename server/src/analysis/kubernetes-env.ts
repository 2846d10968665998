import { isMap, type Node, type YAMLMap } from 'yaml';
import type { Container } from '../documents/kubernetes';
import { scalarString, type Lookup } from '../documents/yaml';

/** One `env:` entry of a container. */
export interface EnvVar {
  item: YAMLMap;
  name?: string;
  nameNode?: Node;
  /** The `value:` pair, when the entry has a literal value rather than `valueFrom`. */
  value?: Lookup;
}

export function containerEnv(container: Container): EnvVar[] {
  const { yaml } = container.pod.object;
  const out: EnvVar[] = [];
  for (const item of yaml.items(yaml.getSeq(container.map, 'env'))) {
    if (!isMap(item)) continue;
    const nameNode = yaml.get(item, 'name');
    out.push({ item, name: scalarString(nameNode), nameNode, value: yaml.lookup(item, 'value') });
  }
  return out;
}
