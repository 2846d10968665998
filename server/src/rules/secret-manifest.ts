import { isInterpolated, isLiteralSecretValue } from '../analysis/secrets';
import { keyOf, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'secret-manifest',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'A Secret manifest with values committed to source control publishes them: base64 is an encoding, not encryption.',
      aka: ['secretlint no-k8s-kind-secret'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (object.kind !== 'Secret' || object.apiVersion !== 'v1') return;
    const { yaml } = object;
    // In the order written: the first field holding values is reported, once per Secret.
    for (const pair of object.map.items) {
      const field = keyOf(pair);
      if (field !== 'data' && field !== 'stringData') continue;
      const map = yaml.getMap(object.map, field);
      if (!map) continue;
      // Empty, templated and placeholder values are filled in at deploy time: nothing is committed.
      const committed = map.items.filter((pair) => {
        const value = scalarString(yaml.resolve(pair.value));
        if (keyOf(pair) === undefined || value === undefined) return false;
        return field === 'data' ? value.trim() !== '' && !isInterpolated(value) : isLiteralSecretValue(value);
      });
      if (committed.length === 0) continue;
      report({
        range: yaml.keyRange(pair),
        message: `Secret "${object.name ?? '?'}" commits ${committed.length} value${committed.length === 1 ? '' : 's'} in ${field} (${field === 'data' ? 'base64 is not encryption' : 'in plain text'}); keep the values out of the repository with Sealed Secrets, SOPS or an external secret store.`,
      });
      return;
    }
  },
});
