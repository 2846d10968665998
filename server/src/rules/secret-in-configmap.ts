import { isLiteralSecretValue, isSecretName, nameSegments } from '../analysis/secrets';
import { keyOf, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

/**
 * Inside a config file held in a ConfigMap value, `key:` and `auth:` are everyday words; an
 * embedded assignment counts only when its name says password, token, secret and the like.
 */
const STRONG_SEGMENTS = new Set(['password', 'passwd', 'pwd', 'pword', 'pass', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials', 'bearer', 'privkey']);
const COMPOUND_KEY = /(?:api|access|secret|private|signing|encryption|client|master)key$/;
/**
 * `name = value`, `name: value`, `"name": "value"` (also several on one JSON line), `export NAME=value`.
 * A name starts only where no name character precedes it, so a long word is scanned once.
 */
const ASSIGNMENT = /(?<![\w.-])["']?([A-Za-z_][\w.-]*)["']?[ \t]*[:=][ \t]*("[^"\n]*"|'[^'\n]*'|\$\{[^}\n]*\}|[^\s,;#}]*)/g;

export default defineRule({
  meta: {
    id: 'secret-in-configmap',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'ConfigMaps are not for secrets: they are readable by anyone who can read the namespace\'s configuration and are not encrypted at rest.',
      aka: ['KSV-0109', 'Polaris sensitiveConfigmapContent'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (object.kind !== 'ConfigMap' || object.apiVersion !== 'v1') return;
    const { yaml } = object;
    const data = yaml.getMap(object.map, 'data');
    for (const pair of data?.items ?? []) {
      const key = keyOf(pair);
      const value = scalarString(yaml.resolve(pair.value));
      if (key === undefined || value === undefined) continue;
      const where = `ConfigMap "${object.name ?? '?'}"`;
      if (isSecretName(key) && isLiteralSecretValue(value)) {
        report({
          range: yaml.keyRange(pair),
          message: `${where} holds a secret under "${key}"; move it to a Secret (or an external secret store) and reference it from there.`,
        });
        continue;
      }
      const embedded = embeddedSecretNames(value);
      if (embedded.length === 0) continue;
      report({
        range: yaml.keyRange(pair),
        message: `${where} key "${key}" contains ${embedded.map((n) => `"${n}"`).join(', ')} with a literal value; keep credentials in a Secret and inject them at run time.`,
      });
    }
  },
});

/** Names of credential assignments with literal values in a config-file text. */
export function embeddedSecretNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.length > 4096) continue;
    ASSIGNMENT.lastIndex = 0;
    for (let m = ASSIGNMENT.exec(line); m; m = ASSIGNMENT.exec(line)) {
      if (m[0].length === 0) ASSIGNMENT.lastIndex++;
      const name = m[1];
      if (names.includes(name) || !isSecretName(name) || !isStrongName(name)) continue;
      if (isLiteralSecretValue(unquote(m[2]))) names.push(name);
    }
  }
  return names;
}

function isStrongName(name: string): boolean {
  const segments = nameSegments(name);
  return segments.some((s) => STRONG_SEGMENTS.has(s)) || COMPOUND_KEY.test(segments.join(''));
}

function unquote(value: string): string {
  const q = value[0];
  return (q === '"' || q === "'") && value.endsWith(q) && value.length >= 2 ? value.slice(1, -1) : value;
}
