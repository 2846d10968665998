import { isMap, visit, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { findUrlPasswords, type UrlPassword } from '../analysis/url-credentials';
import { indentStep } from '../analysis/yaml-edit';
import type { Service } from '../documents/compose';
import type { Container, K8sObject } from '../documents/kubernetes';
import { scalarString, type YamlDoc } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { LineIndex } from '../engine/text';
import type { Fix, TextEdit } from '../engine/types';
import { trimChars } from '../analysis/text-scan';

export default defineRule({
  meta: {
    id: 'secret-in-url',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'A URL carries a literal password (`scheme://user:password@host`).',
      aka: ['compose-lint CL-0021', 'secretlint basicauth'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    // Instructions only: a URL in a comment is not built into anything.
    for (const instruction of doc.instructions) {
      const range = instruction.getRange();
      const start = doc.lines.offsetAt(range.start);
      const text = doc.text.slice(start, doc.lines.offsetAt(range.end));
      for (const match of findUrlPasswords(text)) {
        report({ range: doc.lines.rangeOf(start + match.start, start + match.end), message: message(match, 'the image history and anyone with the Dockerfile', 'a build secret (RUN --mount=type=secret) or a run-time variable') });
      }
    }
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    const perService = new Map<Service, number>();
    scanNode(yaml, compose.root, (match, scalar) => {
      const service = scalar && compose.services.find((s) => contains(s.map, match.start));
      let fix: Fix | undefined;
      if (service && scalar) {
        const n = (perService.get(service) ?? 0) + 1;
        perService.set(service, n);
        fix = composeFix(yaml, scalar, match, envName(service.name, n));
      }
      report({ range: yaml.lines.rangeOf(match.start, match.end), message: message(match, 'anyone with the file', 'a ${VARIABLE} from an untracked .env file or a Compose secret'), fixes: fix ? [fix] : [] });
    });
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    scanNode(yaml, object.map, (match, scalar) => {
      const fix = scalar ? kubernetesFix(object, scalar, match) : undefined;
      report({ range: yaml.lines.rangeOf(match.start, match.end), message: message(match, 'anyone who can read the manifest or the object', 'a Secret (valueFrom.secretKeyRef, referenced as $(VAR))'), fixes: fix ? [fix] : [] });
    });
  },
});

function message(match: UrlPassword, exposedTo: string, instead: string): string {
  return `This ${match.scheme}:// URL for ${match.host} carries a literal password, visible to ${exposedTo}. Take the password out of the URL and pass it from ${instead}; rotate it if it was ever committed.`;
}

function contains(node: Node, offset: number): boolean {
  const r = node.range;
  return !!r && r[0] <= offset && offset < r[2];
}

/** Scans a node's text; the callback gets each match and the scalar holding it (if it lies in one). */
function scanNode(yaml: YamlDoc, node: Node, onMatch: (match: UrlPassword, scalar: Scalar | undefined) => void): void {
  const [start, , end] = node.range ?? [0, 0, yaml.lines.text.length];
  const matches = findUrlPasswords(yaml.lines.text.slice(start, end)).map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
  if (matches.length === 0) return;
  const scalars: Scalar[] = [];
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && scalar.range) scalars.push(scalar);
    },
  });
  for (const match of matches) onMatch(match, scalars.find((s) => s.range![0] <= match.start && match.end <= s.range![1]));
}

/** `web-api` → `WEB_API_PASSWORD` (`_2`, `_3` for further URLs of the same service). */
function envName(name: string, n: number): string {
  const base = trimChars(name.toUpperCase().replace(/[^A-Z0-9]+/g, '_'), '_') || 'SERVICE';
  return `${/^\d/.test(base) ? '_' + base : base}_PASSWORD${n > 1 ? `_${n}` : ''}`;
}

/** The password becomes `${NAME}`, which Compose interpolates in every value. */
function composeFix(yaml: YamlDoc, scalar: Scalar, match: UrlPassword, name: string): Fix {
  const reference = `\${${name}}`;
  const [start, end] = scalar.range!;
  const { lines } = yaml;
  let edit: TextEdit;
  if (scalar.type === 'PLAIN' && lines.positionAt(start).line === lines.positionAt(end).line) {
    // `{` and `}` may not stand in a plain scalar inside a flow collection: quote the whole value.
    const text = lines.text.slice(start, end);
    const replaced = text.slice(0, match.start - start) + reference + text.slice(match.end - start);
    edit = { range: lines.rangeOf(start, end), newText: JSON.stringify(replaced) };
  } else {
    edit = { range: lines.rangeOf(match.start, match.end), newText: reference };
  }
  return { title: `Replace the password with ${reference} (changes behaviour: set ${name} in the environment or an untracked .env file)`, edits: [edit], safe: false };
}

/**
 * Kubernetes does not interpolate `${VAR}`; it expands `$(VAR)` in a container's `env` values from
 * variables defined earlier in the same list. So inside `env[].value` the fix reads the password
 * from a Secret into a new variable just before it and refers to it as `$(NAME)`. Elsewhere
 * (ConfigMaps, annotations, command lines) there is no safe rewrite, and no fix is offered.
 */
function kubernetesFix(object: K8sObject, scalar: Scalar, match: UrlPassword): Fix | undefined {
  const { yaml } = object;
  for (const container of object.podSpec?.containers ?? []) {
    const env = yaml.getSeq(container.map, 'env');
    if (!env) continue;
    for (const item of env.items) {
      if (!isMap(item) || yaml.get(item, 'value') !== scalar) continue;
      return envFix(yaml, object, container, env, item, match);
    }
  }
  return undefined;
}

function envFix(yaml: YamlDoc, object: K8sObject, container: Container, env: YAMLSeq, item: YAMLMap, match: UrlPassword): Fix | undefined {
  const name = envName(container.name ?? 'app', 1);
  const taken = env.items.some((i) => isMap(i) && scalarString(yaml.get(i, 'name')) === name);
  if (taken || !item.range) return undefined;
  const secret = `${object.name ?? 'app'}-secrets`;
  const key = name.toLowerCase().replace(/_/g, '-');
  const { lines } = yaml;
  const insert = env.flow ? flowInsert(item.range[0], name, secret, key) : blockInsert(yaml, lines, item, name, secret, key);
  if (!insert) return undefined;
  return {
    title: `Read the password from Secret "${secret}" (key ${key}) as $(${name}) (changes behaviour: create the Secret first)`,
    edits: [insert, { range: lines.rangeOf(match.start, match.end), newText: `$(${name})` }],
    safe: false,
  };

  function flowInsert(at: number, n: string, s: string, k: string): TextEdit {
    const pos = lines.positionAt(at);
    return { range: { start: pos, end: pos }, newText: `{name: ${n}, valueFrom: {secretKeyRef: {name: ${s}, key: ${k}}}}, ` };
  }
}

function blockInsert(yaml: YamlDoc, lines: LineIndex, item: YAMLMap, name: string, secret: string, key: string): TextEdit | undefined {
  const itemStart = item.range![0];
  const text = lines.text;
  const dash = text.lastIndexOf('-', itemStart);
  const dashPos = lines.positionAt(dash);
  // Only the ordinary layout (`- name: …` with the dash first on its line) is rewritten.
  if (dash < 0 || text.slice(dash + 1, itemStart).trim() !== '' || lines.lineText(dashPos.line).slice(0, dashPos.character).trim() !== '') return undefined;
  const eol = lines.eol;
  const at = { line: dashPos.line, character: 0 };
  const pad = ' '.repeat(dashPos.character);
  if (item.flow) {
    return { range: { start: at, end: at }, newText: `${pad}- {name: ${name}, valueFrom: {secretKeyRef: {name: ${secret}, key: ${key}}}}${eol}` };
  }
  const keyPad = ' '.repeat(lines.positionAt(itemStart).character);
  const step = ' '.repeat(indentStep(yaml));
  const body = [`${pad}- ${' '.repeat(Math.max(0, keyPad.length - pad.length - 2))}name: ${name}`, `${keyPad}valueFrom:`, `${keyPad}${step}secretKeyRef:`, `${keyPad}${step}${step}name: ${secret}`, `${keyPad}${step}${step}key: ${key}`];
  return { range: { start: at, end: at }, newText: body.join(eol) + eol };
}
