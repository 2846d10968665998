import { isScalar, type Scalar, type YAMLSeq } from 'yaml';
import { asSeq, type YamlDoc } from '../documents/yaml';
import { isInterpolated } from './compose-values';

/** One `security_opt` entry: `seccomp:unconfined`, `seccomp=unconfined`, `no-new-privileges`, … */
export interface SecurityOption {
  /** Lower-cased option name (`seccomp`, `apparmor`, `label`, `no-new-privileges`). */
  key: string;
  /** What follows the first `:` or `=`; undefined for a bare option. */
  value?: string;
  node: Scalar;
  seq: YAMLSeq;
}

export function securityOptions(yaml: YamlDoc, list: unknown): SecurityOption[] {
  const seq = asSeq(list);
  if (!seq) return [];
  const out: SecurityOption[] = [];
  for (const item of yaml.items(seq)) {
    if (!isScalar(item) || typeof item.value !== 'string' || isInterpolated(item.value)) continue;
    const text = item.value.trim();
    // Docker splits at the first separator: `label=type:svirt_t` is `label` with value `type:svirt_t`.
    const at = text.search(/[:=]/);
    out.push({
      key: (at < 0 ? text : text.slice(0, at)).trim().toLowerCase(),
      value: at < 0 ? undefined : text.slice(at + 1).trim(),
      node: item,
      seq,
    });
  }
  return out;
}

/** `no-new-privileges` alone means true to Docker. */
export function noNewPrivilegesValue(option: SecurityOption): boolean | undefined {
  if (option.key !== 'no-new-privileges') return undefined;
  if (option.value === undefined) return true;
  const v = option.value.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

export function findSecurityOption(options: SecurityOption[], key: string, value: string): SecurityOption | undefined {
  return options.find((o) => o.key === key && o.value?.toLowerCase() === value);
}
