import { isScalar, type Scalar, type YAMLSeq } from 'yaml';
import { asSeq, type YamlDoc } from '../documents/yaml';
import { isInterpolated } from './compose-values';

/** Linux capabilities that amount to (or lead straight to) root on the host. */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH',
  'BPF', 'PERFMON', 'SYS_BOOT', 'SYS_TIME', 'MAC_ADMIN', 'NET_RAW',
]);

/** The Pod Security Standards baseline set: what a container may add without leaving "baseline". */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` are the same capability. */
export function capabilityName(raw: string): string {
  return raw.trim().toUpperCase().replace(/^CAP_/, '');
}

export interface CapabilityEntry {
  /** Canonical name: upper case, no `CAP_` prefix. */
  name: string;
  written: string;
  node: Scalar;
  seq: YAMLSeq;
}

/**
 * The literal entries of a capability list (Compose `cap_add`/`cap_drop`, Kubernetes
 * `capabilities.add`/`drop`); interpolated entries are left out.
 */
export function capabilityEntries(yaml: YamlDoc, list: unknown): CapabilityEntry[] {
  const seq = asSeq(list);
  if (!seq) return [];
  const out: CapabilityEntry[] = [];
  for (const item of yaml.items(seq)) {
    if (!isScalar(item) || typeof item.value !== 'string' || !item.value.trim() || isInterpolated(item.value)) continue;
    out.push({ name: capabilityName(item.value), written: item.value, node: item, seq });
  }
  return out;
}

export function dropsAll(entries: CapabilityEntry[]): boolean {
  return entries.some((e) => e.name === 'ALL');
}
