import { isMap, type YAMLMap } from 'yaml';
import type { Service } from '../documents/compose';
import { asMap, keyOf, scalarString, type YamlDoc } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'healthcheck-missing',
    kinds: ['dockerfile', 'compose'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Without a health check, a container that hangs or stops serving still counts as running.',
      aka: ['DL3057', 'CKV_DOCKER_2'],
    },
    fixable: false,
  },
  dockerfile({ doc, report }) {
    const final = doc.finalStage;
    if (!final) return;
    // `HEALTHCHECK NONE` counts: it is an explicit, visible decision (e.g. probes live in Kubernetes).
    if (doc.lastInLineage(final, 'HEALTHCHECK')) return;
    report({
      range: final.from.getRange(),
      message: 'The final stage has no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one. Add HEALTHCHECK CMD <probe>, or HEALTHCHECK NONE when the orchestrator probes it.',
    });
  },
  compose({ compose, report }) {
    const byName = new Map(compose.services.map((s) => [s.name, s]));
    for (const service of compose.services) {
      const found = healthcheckOf(compose.yaml, service, byName, 0);
      if (found !== 'missing') continue;
      report({
        range: service.keyRange,
        message: `Service "${service.name}" has no healthcheck:, so unless its image defines a HEALTHCHECK, a hung container still counts as running and depends_on cannot wait for it to be ready. Add healthcheck: with a test command.`,
      });
    }
  },
});

/**
 * `present` also when the service disables the check (`disable: true`, `test: ["NONE"]`): an
 * explicit decision. `unknown` when `extends` points to another file we cannot see.
 */
function healthcheckOf(yaml: YamlDoc, service: Service, byName: Map<string, Service>, depth: number): 'present' | 'missing' | 'unknown' {
  if (service.get('healthcheck')) return 'present';
  const extendsNode = service.get('extends')?.value;
  if (!extendsNode || depth > 8) return 'missing';
  let base: string | undefined;
  if (isMap(extendsNode)) {
    const map = extendsNode as YAMLMap;
    if (map.items.some((p) => keyOf(p) === 'file')) return 'unknown';
    base = scalarString(yaml.get(asMap(map), 'service'));
  } else {
    base = scalarString(extendsNode);
  }
  const parent = base ? byName.get(base) : undefined;
  if (!parent || parent === service) return 'unknown';
  return healthcheckOf(yaml, parent, byName, depth + 1);
}
