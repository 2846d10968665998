import type { Pair, YAMLMap } from 'yaml';
import type { Range } from '../engine/types';
import { asMap, keyOf, type Lookup, type YamlDoc } from './yaml';

export interface ComposeFile {
  yaml: YamlDoc;
  root: YAMLMap;
  services: Service[];
}

export interface Service {
  name: string;
  /** The `name:` key under `services:`: where findings about the service as a whole are anchored. */
  keyRange: Range;
  pair: Pair;
  map: YAMLMap;
  /** A key of the service, following `<<` merge keys; `inherited` tells where it was written. */
  get(key: string): Lookup | undefined;
}

export { isComposeFileName } from './file-names';

/** A document whose top level has a `services:` mapping (and is not a Kubernetes object). */
export function composeFile(yaml: YamlDoc): ComposeFile | undefined {
  const root = asMap(yaml.root);
  if (!root) return undefined;
  const services = asMap(yaml.get(root, 'services'));
  const file: ComposeFile = { yaml, root, services: [] };
  for (const pair of services?.items ?? []) {
    const name = keyOf(pair);
    const map = asMap(yaml.resolve(pair.value));
    if (!name || name === '<<' || !map) continue;
    file.services.push({
      name,
      keyRange: yaml.keyRange(pair),
      pair,
      map,
      get: (key) => yaml.lookup(map, key),
    });
  }
  return file;
}
