import type { ComposeFile } from '../documents/compose';
import { containerLabel, type Container, type K8sObject } from '../documents/kubernetes';
import type { Fix } from '../engine/types';
import { capabilityEntries, type CapabilityEntry } from './capabilities';
import { composeFix } from './compose-fix';
import { removeSeqItem } from './yaml-edit';

/**
 * The added capabilities of each Compose service and Kubernetes container, with the fix that
 * removes one entry, for the rules that judge them (`capabilities-dangerous`, `capabilities-nondefault`).
 */
export interface AddedCapability {
  entry: CapabilityEntry;
  /** `service "web"` or `container "app"`. */
  owner: string;
  removeFix: Fix;
}

export function composeAddedCapabilities(compose: ComposeFile): AddedCapability[] {
  const out: AddedCapability[] = [];
  for (const service of compose.services) {
    for (const entry of capabilityEntries(compose.yaml, service.get('cap_add')?.value)) {
      out.push({
        entry,
        owner: `Service "${service.name}"`,
        removeFix: composeFix(compose, `Remove ${entry.written} from cap_add (changes behaviour if the service needs it)`, [removeSeqItem(compose.yaml, entry.seq, entry.node)], false),
      });
    }
  }
  return out;
}

export function k8sAddedCapabilities(object: K8sObject): AddedCapability[] {
  const out: AddedCapability[] = [];
  for (const container of object.podSpec?.containers ?? []) {
    for (const entry of containerCapabilities(container, 'add')) {
      out.push({
        entry,
        owner: `The ${containerLabel(container)}`,
        removeFix: { title: `Remove ${entry.written} from capabilities.add (changes behaviour if the container needs it)`, edits: [removeSeqItem(object.yaml, entry.seq, entry.node)], safe: false },
      });
    }
  }
  return out;
}

/** `securityContext.capabilities.add` / `drop` of a container (capabilities are never set at pod level). */
export function containerCapabilities(container: Container, list: 'add' | 'drop'): CapabilityEntry[] {
  const { yaml } = container.pod.object;
  return capabilityEntries(yaml, yaml.get(yaml.getMap(container.securityContext, 'capabilities'), list));
}
