import { BASELINE_CAPABILITIES, DANGEROUS_CAPABILITIES } from '../analysis/capabilities';
import { composeAddedCapabilities, k8sAddedCapabilities, type AddedCapability } from '../analysis/capability-rules';
import { defineRule, type ReportInput } from '../engine/rule';
import type { YamlDoc } from '../documents/yaml';

export default defineRule({
  meta: {
    id: 'capabilities-nondefault',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Capabilities outside the Pod Security baseline set widen what a compromised process can do to the kernel.',
      aka: ['PSS baseline', 'KSV-0022'],
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
    // Dangerous ones are `capabilities-dangerous`'s findings; one finding per entry.
    if (BASELINE_CAPABILITIES.has(c.entry.name) || DANGEROUS_CAPABILITIES.has(c.entry.name)) continue;
    report({
      range: yaml.range(c.entry.node),
      message: `${c.owner} adds ${c.entry.name}, which is outside the Pod Security baseline set; remove it unless the process cannot work without it.`,
      fixes: [c.removeFix],
    });
  }
}
