import type { ComposeFile } from '../documents/compose';
import { containerLabel, type Container, type K8sObject } from '../documents/kubernetes';
import type { ReportInput } from '../engine/rule';
import { composeFix } from './compose-fix';
import { findSecurityOption, securityOptions } from './compose-security-opt';
import type { EffectiveProfile } from './security-context';
import { removeSeqItem, replaceScalar } from './yaml-edit';

/**
 * `seccomp-unconfined` and `apparmor-unconfined` share their shape: a Compose `security_opt`
 * entry `<key>:unconfined` (or `=`), and a Kubernetes effective profile of type `Unconfined`.
 */
export function composeUnconfined(compose: ComposeFile, key: string, label: string, report: (r: ReportInput) => void): void {
  const { yaml } = compose;
  for (const service of compose.services) {
    const option = findSecurityOption(securityOptions(yaml, service.get('security_opt')?.value), key, 'unconfined');
    if (!option) continue;
    report({
      range: yaml.range(option.node),
      message: `Service "${service.name}" is not confined by ${label} (${option.node.value}); remove the entry so the runtime's default profile applies.`,
      fixes: [composeFix(compose, `Remove ${option.node.value} (changes behaviour: the default ${label} profile applies)`, [removeSeqItem(yaml, option.seq, option.node)], false)],
    });
  }
}

export function k8sUnconfined(object: K8sObject, label: string, effective: (c: Container) => EffectiveProfile | undefined, report: (r: ReportInput) => void): void {
  for (const container of object.podSpec?.containers ?? []) {
    const profile = effective(container);
    if (!profile || profile.type !== 'Unconfined') continue;
    const where = profile.source === 'annotation' ? ` (annotation ${String((profile.pair.key as { value?: unknown }).value)})` : profile.level === 'pod' ? ' (set at pod level)' : '';
    const replacement = profile.source === 'annotation' ? 'runtime/default' : 'RuntimeDefault';
    report({
      range: object.yaml.pairRange(profile.pair),
      message: `The ${containerLabel(container)} is not confined by ${label}${where}; use type RuntimeDefault (or a Localhost profile).`,
      fixes: [{ title: `Use the runtime's default ${label} profile (${replacement}; changes behaviour)`, edits: [replaceScalar(object.yaml, profile.value, replacement)], safe: false }],
    });
  }
}
