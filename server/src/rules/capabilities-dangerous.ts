import { DANGEROUS_CAPABILITIES } from '../analysis/capabilities';
import { composeAddedCapabilities, k8sAddedCapabilities, type AddedCapability } from '../analysis/capability-rules';
import { defineRule, type ReportInput } from '../engine/rule';
import type { YamlDoc } from '../documents/yaml';

export default defineRule({
  meta: {
    id: 'capabilities-dangerous',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL give a container root-like power over the host kernel.',
      aka: ['CKV_K8S_39', 'KSV-0005', 'Polaris dangerousCapabilities'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    check(compose.yaml, composeAddedCapabilities(compose), report);
  },
  kubernetes({ object, report }) {
    check(object.yaml, k8sAddedCapabilities(object), report);
  },
});

function check(yaml: YamlDoc, added: AddedCapability[], report: (r: ReportInput) => void): void {
  for (const c of added) {
    if (!DANGEROUS_CAPABILITIES.has(c.entry.name)) continue;
    const what = c.entry.name === 'ALL' ? 'every capability (ALL)' : `the dangerous capability ${c.entry.name}`;
    report({
      range: yaml.range(c.entry.node),
      message: `${c.owner} adds ${what}, which gives root-like power over the host kernel; remove it and add only the narrow capabilities the process needs.`,
      fixes: [c.removeFix],
    });
  }
}
