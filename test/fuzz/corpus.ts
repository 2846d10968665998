import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * Inputs for fuzzing the engine: real container files as seeds, and mutations that model what an
 * editor or a hostile repository can hand the linter (truncation, flipped bytes, NUL bytes, invalid
 * UTF-8, CRLF / CR / mixed line endings, tabs, a BOM, deep nesting, huge lines, YAML anchors and
 * merge keys, Helm template actions).
 */
const ROOT = join(__dirname, '..', '..');
const file = (path: string) => readFileSync(join(ROOT, path), 'utf8');

export interface Seed {
  path: string;
  text: string;
}

export const SEEDS: Seed[] = [
  { path: 'Dockerfile', text: file('examples/insecure/Dockerfile') },
  { path: 'Dockerfile', text: file('examples/hardened/Dockerfile') },
  { path: 'docker-compose.yml', text: file('examples/insecure/docker-compose.yml') },
  { path: 'compose.yaml', text: file('examples/hardened/compose.yaml') },
  { path: 'deployment.yaml', text: file('examples/insecure/k8s/deployment.yaml') },
  { path: 'deployment.yaml', text: file('examples/hardened/k8s/deployment.yaml') },
  {
    path: 'build.Dockerfile',
    text: [
      '# syntax=docker/dockerfile:1',
      'ARG BASE=node:22',
      'FROM ${BASE} AS build',
      'ENV API_KEY=abc PASSWORD=secret',
      'ADD https://example.com/x.tar.gz /tmp/',
      'RUN --mount=type=secret,id=npm curl -fsSL https://get.example.sh | sh && \\',
      '    chmod 777 /app && apt-get install -y --allow-unauthenticated curl',
      'COPY --chmod=4755 . /app',
      'RUN <<EOF',
      'echo $HOME > /tmp/x',
      'EOF',
      'FROM scratch',
      'COPY --from=build /app /app',
      'USER root',
      'HEALTHCHECK NONE',
      'CMD ["/app/run", "--flag"]',
      '',
    ].join('\n'),
  },
  {
    path: 'compose.yaml',
    text: [
      'x-base: &base',
      '  privileged: true',
      '  cap_add: [SYS_ADMIN, NET_ADMIN]',
      '  security_opt: ["seccomp:unconfined", "apparmor=unconfined"]',
      'services:',
      '  web:',
      '    <<: *base',
      '    image: nginx:latest',
      '    network_mode: host',
      '    pid: host',
      '    ports: ["80:80", "0.0.0.0:443:443/tcp"]',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock',
      '      - type: bind',
      '        source: /',
      '        target: /host',
      '    environment:',
      '      DB_PASSWORD: "${DB_PASSWORD:-changeme}"',
      '      - BROKEN',
      '',
    ].join('\n'),
  },
  {
    path: 'all.yaml',
    text: [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: apps/v1',
      '  kind: Deployment',
      '  metadata: {name: web, namespace: default}',
      '  spec:',
      '    template:',
      '      spec:',
      '        hostNetwork: true',
      '        volumes: [{name: root, hostPath: {path: /}}]',
      '        containers:',
      '        - name: app',
      '          image: registry.example.com/app',
      '          env: [{name: TOKEN, value: "t0k3n"}]',
      '          securityContext: {privileged: true, runAsUser: 0, capabilities: {add: [ALL]}}',
      '---',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRoleBinding',
      'metadata: {name: x}',
      'subjects: [{kind: Group, name: "system:anonymous"}]',
      'roleRef: {kind: ClusterRole, name: cluster-admin}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: {{ .Values.name }}',
      'spec:',
      '  {{- if .Values.x }}',
      '  containers: []',
      '  {{- end }}',
      '',
    ].join('\n'),
  },
];

const TOKENS = [
  '\0', '\r', '\n', '\r\n', '\t', '\uFEFF', '\uD800', '\uDFFF', '\uFFFD', '\u2028', '\u0085', ' ', '  ', '#', ':', ': ', '- ', '-', '---\n', '...\n',
  '{', '}', '[', ']', ',', '"', "'", '\\', '\\\n', '&a ', '*a', '<<: *a\n', '!!binary ', '!custom ', '|', '>-', '?', '%YAML 1.2\n', '@', '`',
  '$', '${', '${A:-', '$(', '{{', '}}', '{{ .Values.x }}', '{{- if .x }}', 'FROM ', 'RUN ', 'USER root', 'COPY . /', 'ADD http://x/y /', 'ARG X',
  '--mount=type=secret,id=a ', '<<EOF\n', 'EOF\n', 'privileged: true', 'image: ', 'services:\n', 'containers:\n', 'hostPath:\n', 'kind: Pod\n',
  'apiVersion: v1\n', 'securityContext:\n', 'env:\n', 'PASSWORD=', 'https://user:pass@host/', 'sk-', 'eyJ', '-----BEGIN ', '/', '//', '_', '__', 'ééé', '😀',
];

const anyChar = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }));

type Mutation = (text: string) => string;

/** Fuzzed texts stay under this length (characters); size limits have their own tests. */
const MAX_LENGTH = 200_000;

const at = (pos: number, text: string) => Math.floor(pos * (text.length + 1));

/** One mutation of a text; positions are fractions so they fit any length. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((p): Mutation => (t) => t.slice(0, at(p, t))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), anyChar).map(([p, c]): Mutation => (t) => t.slice(0, at(p, t)) + c + t.slice(at(p, t) + 1)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), anyChar).map(([p, c]): Mutation => (t) => t.slice(0, at(p, t)) + c + t.slice(at(p, t))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 })).map(([p, n]): Mutation => (t) => t.slice(0, at(p, t)) + t.slice(at(p, t) + n)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([p, q]): Mutation => (t) => {
    const a = at(Math.min(p, q), t);
    const b = at(Math.max(p, q), t);
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  }),
  fc.constantFrom<Mutation>(
    (t) => t.replace(/\r?\n/g, '\r\n'),
    (t) => t.replace(/\r?\n/g, '\r'),
    (t) => t.split('\n').map((l, i) => (i % 2 ? l + '\r' : l)).join('\n'),
    (t) => '\uFEFF' + t,
    (t) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
    (t) => t.replace(/ /g, '\t'),
    (t) => Buffer.from(t, 'latin1').toString('utf8'),
    (t) => Buffer.from(t, 'utf8').toString('latin1'),
    (t) => Buffer.from(t, 'utf16le').toString('utf8'),
  ),
  // Invalid UTF-8 as an editor decodes it: flip a byte of the encoding and decode with replacement.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0x80, max: 0xff })).map(([p, byte]): Mutation => (t) => {
    const bytes = Buffer.from(t, 'utf8');
    if (bytes.length === 0) return t;
    bytes[Math.min(bytes.length - 1, Math.floor(p * bytes.length))] = byte;
    return bytes.toString('utf8');
  }),
  // Deep nesting, flow and block.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 400 }), fc.constantFrom('[', '{a: ', '- ', '{', '[[')).map(
    ([p, n, open]): Mutation => (t) => {
      const close = open.startsWith('[') ? ']'.repeat(open.length) : open.startsWith('{') ? '}' : '';
      return t.slice(0, at(p, t)) + open.repeat(n) + 'x' + close.repeat(n) + t.slice(at(p, t));
    },
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 300 })).map(([p, n]): Mutation => (t) => {
    const nested = Array.from({ length: n }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n');
    return t.slice(0, at(p, t)) + '\n' + nested + ' v\n' + t.slice(at(p, t));
  }),
  // Huge lines and repetition.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 100, max: 20000 }), fc.constantFrom('a', ' ', 'a ', '\\', '{{', '$', '/', '_', 'A', '\t', '-', ':', '*a,', '#')).map(
    ([p, n, unit]): Mutation => (t) => t.slice(0, at(p, t)) + unit.repeat(Math.ceil(n / unit.length)) + t.slice(at(p, t)),
  ),
  fc.integer({ min: 2, max: 50 }).map((n): Mutation => (t) => Array(Math.max(1, Math.min(n, Math.floor(MAX_LENGTH / (t.length + 4))))).fill(t).join('---\n')),
);

const PATHS = ['Dockerfile', 'app.Dockerfile', 'compose.yaml', 'docker-compose.yml', 'k8s.yaml', 'values.yml', 'notes.txt'];

export interface FuzzInput {
  path: string;
  text: string;
}

/** A seed mutated one to six times, linted under its own name or another. */
export const mutatedInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.option(fc.constantFrom(...PATHS), { freq: 4 }))
  .map(([i, mutations, path]) => ({ path: path ?? SEEDS[i].path, text: mutations.reduce((t, m) => m(t).slice(0, MAX_LENGTH), SEEDS[i].text) }));

/** Text made from scratch: random characters and tokens. */
export const randomInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.constantFrom(...PATHS), fc.array(anyChar, { maxLength: 400 }))
  .map(([path, parts]) => ({ path, text: parts.join('') }));
