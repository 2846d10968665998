import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { composeFix } from '../analysis/compose-fix';
import { isInterpolated } from '../analysis/compose-values';
import { removePair, removeSeqItem } from '../analysis/yaml-edit';
import { keyOf, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { Fix, TextEdit } from '../engine/types';

/** The Pod Security Standards "safe" sysctls: namespaced, and unable to affect other pods or the node. */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

/** `net/ipv4/tcp_syncookies` and `net.ipv4.tcp_syncookies` are the same sysctl. */
export function isSafeSysctl(name: string): boolean {
  return SAFE_SYSCTLS.has(name.trim().replace(/\//g, '.'));
}

const TITLE = (name: string) => `Remove the sysctl ${name} (changes behaviour)`;
const MESSAGE = (who: string, name: string) =>
  `${who} sets the sysctl ${name}, which is outside the Pod Security safe set and may affect the host or other containers; remove it or set it on the node.`;

export default defineRule({
  meta: {
    id: 'sysctls-unsafe',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Sysctls outside the Pod Security safe set can change kernel behaviour for the whole node, not just the container.',
      aka: ['PSS baseline', 'KSV-0026'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const block = service.get('sysctls')?.value;
      const entries: { name: string; node: Node; edit: TextEdit }[] = [];
      if (isMap(block)) {
        for (const pair of block.items) {
          const name = keyOf(pair);
          if (name && name !== '<<') entries.push({ name, node: pair.key as Node, edit: removePair(yaml, block, pair) });
        }
      } else if (isSeq(block)) {
        for (const item of yaml.items(block)) {
          const text = scalarString(item);
          if (!text || !isScalar(item)) continue;
          entries.push({ name: text.split('=')[0].trim(), node: item, edit: removeSeqItem(yaml, block, item) });
        }
      }
      for (const entry of entries) {
        if (isInterpolated(entry.name) || isSafeSysctl(entry.name)) continue;
        report({
          range: yaml.range(entry.node),
          message: MESSAGE(`Service "${service.name}"`, entry.name),
          fixes: [composeFix(compose, TITLE(entry.name), [entry.edit], false)],
        });
      }
    }
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    const seq = yaml.getSeq(pod.securityContext, 'sysctls');
    for (const item of yaml.items(seq)) {
      if (!isMap(item) || !seq) continue;
      const name = yaml.lookup(item, 'name');
      const text = scalarString(name?.value);
      if (!name || !text || isSafeSysctl(text)) continue;
      const fix: Fix = { title: TITLE(text), edits: [removeSeqItem(yaml, seq, item)], safe: false };
      report({
        range: yaml.range(name.value as Node),
        message: MESSAGE(`The pod of ${object.kind}${object.name ? ` "${object.name}"` : ''}`, text),
        fixes: [fix],
      });
    }
  },
});
