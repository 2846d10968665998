import { isMap, isScalar, type Node } from 'yaml';
import { composeFix } from '../analysis/compose-fix';
import { isInterpolated, splitOutsideInterpolation } from '../analysis/compose-values';
import { normalizeHostPath } from '../analysis/host-paths';
import { removeSeqItem } from '../analysis/yaml-edit';
import { asSeq, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

const EXACT_DEVICES: Record<string, string> = {
  '/dev/mem': 'physical memory',
  '/dev/kmem': 'kernel memory',
  '/dev/port': 'I/O ports',
  '/dev/kvm': 'the hypervisor',
  '/dev/fuse': 'FUSE mounts',
  '/dev/net/tun': 'TUN/TAP network devices',
};

/** Raw block devices: whole disks and their partitions, device-mapper volumes. */
const RAW_DISK = /^\/dev\/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|dm-\d|disk\/|mapper\/)/;

/** What a host device gives the container, or undefined for devices this rule does not flag. */
export function dangerousDevice(path: string): string | undefined {
  const normalized = normalizeHostPath(path);
  if (!normalized) return undefined;
  if (EXACT_DEVICES[normalized]) return EXACT_DEVICES[normalized];
  return RAW_DISK.test(normalized) ? 'a raw disk' : undefined;
}

export default defineRule({
  meta: {
    id: 'host-devices',
    kinds: ['compose'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Mapping host devices such as /dev/mem, raw disks or /dev/kvm into a container gives it direct access to the host underneath the kernel\'s isolation.',
      aka: ['compose-lint CL-0016'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const seq = asSeq(service.get('devices')?.value);
      if (!seq) continue;
      for (const item of yaml.items(seq)) {
        // Short syntax `HOST:CONTAINER[:PERMISSIONS]`, long syntax `{source, target, permissions}`.
        const source = isScalar(item)
          ? splitOutsideInterpolation(scalarString(item) ?? '', ':')[0].text
          : isMap(item) ? scalarString(yaml.get(item, 'source')) : undefined;
        if (!source || isInterpolated(source)) continue;
        const what = dangerousDevice(source);
        if (!what) continue;
        report({
          range: yaml.range(item as Node),
          message: `Service "${service.name}" maps the host device ${source} (${what}) into the container; remove it, or give the service a narrower device.`,
          fixes: [composeFix(compose, `Remove the device ${source} (changes behaviour)`, [removeSeqItem(yaml, seq, item)], false)],
        });
      }
    }
  },
});
