import { isScalar } from 'yaml';
import type { ComposeFile } from '../documents/compose';
import type { K8sObject } from '../documents/kubernetes';
import { isTrue, scalarString } from '../documents/yaml';
import type { ReportInput } from '../engine/rule';
import { composeFix, mapHolding } from './compose-fix';
import { removePair } from './yaml-edit';

/**
 * The host-namespace rules share one shape: a Compose service key set to `host`
 * (`network_mode`, `pid`, `ipc`, `userns_mode`, `uts`) or a pod-spec boolean set to true
 * (`hostNetwork`, `hostPID`, `hostIPC`). The fix removes the key; it changes behaviour.
 */
export function composeHostNamespace(compose: ComposeFile, key: string, what: string, report: (r: ReportInput) => void): void {
  const { yaml } = compose;
  for (const service of compose.services) {
    const found = service.get(key);
    if (!found || !isScalar(found.value) || scalarString(found.value)?.trim().toLowerCase() !== 'host') continue;
    const owner = found.inherited ? mapHolding(compose, found.pair) : service.map;
    report({
      range: yaml.pairRange(found.pair),
      message: `Service "${service.name}" shares the host's ${what} (${key}: host); remove ${key} so it gets a namespace of its own.`,
      fixes: owner ? [composeFix(compose, `Remove ${key}: host (changes behaviour: the service gets its own ${what})`, [removePair(yaml, owner, found.pair)], false)] : [],
    });
  }
}

export function k8sHostNamespace(object: K8sObject, field: string, what: string, report: (r: ReportInput) => void): void {
  const pod = object.podSpec;
  const found = pod ? object.yaml.lookup(pod.map, field) : undefined;
  if (!pod || !found || !isTrue(found.value)) return;
  report({
    range: object.yaml.pairRange(found.pair),
    message: `The pod of ${object.kind}${object.name ? ` "${object.name}"` : ''} shares the host's ${what} (${field}: true); remove ${field} so it gets a namespace of its own.`,
    fixes: found.inherited ? [] : [{ title: `Remove ${field}: true (changes behaviour: the pod gets its own ${what})`, edits: [removePair(object.yaml, pod.map, found.pair)], safe: false }],
  });
}
