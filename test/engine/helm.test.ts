import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/config/types';
import { lint } from '../../server/src/engine/lint';

/**
 * Helm templates are not YAML until rendered. Shipshape lints the documents of a template that do
 * parse and skips the others quietly: no flood of YAML syntax errors on `{{- if }}` blocks.
 */

const template = [
  '{{- if .Values.serviceAccount.create -}}',
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: {{ include "app.serviceAccountName" . }}',
  '  labels:',
  '    {{- include "app.labels" . | nindent 4 }}',
  '{{- end }}',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
  '          securityContext:',
  '            privileged: true',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  {{- with .Values.service }}',
  '  type: {{ .type }}',
  '  {{- end }}',
  '  ports:',
  '    {{- range .Values.ports }}',
  '    - port: {{ .port }}',
  '    {{- end }}',
  '',
].join('\n');

describe('Helm templates', () => {
  const result = lint(template, { path: 'chart/templates/app.yaml', config: defaultConfig('strict') });

  it('yields no parse-error notices for {{- if }} / {{- range }} blocks', () => {
    assert.deepEqual(result.notices, []);
  });

  it('still lints the documents that parse', () => {
    assert.equal(result.kind, 'kubernetes');
    const privileged = result.findings.filter((f) => f.ruleId === 'privileged');
    assert.deepEqual(privileged.map((f) => f.range.start.line + 1), [21]);
    // The templated image is not judged as a literal reference.
    assert.deepEqual(result.findings.filter((f) => f.ruleId.startsWith('image-')), []);
  });

  it('reports nothing from the documents that do not parse', () => {
    const lines = new Set(result.findings.map((f) => f.range.start.line + 1));
    for (const line of [1, 2, 3, 4, 5, 6, 7, 8]) assert.ok(!lines.has(line), `nothing on line ${line}`);
    for (let line = 23; line <= 34; line++) assert.ok(!lines.has(line), `nothing on line ${line}`);
  });

  it('the same broken YAML without template syntax is reported (the notices are not switched off)', () => {
    const broken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: [\n';
    assert.equal(lint(broken, { path: 's.yaml' }).notices.length, 1);
  });

  it('a template whose every document fails to parse stays silent', () => {
    const only = '{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\ndata:\n  {{- toYaml .Values.data | nindent 2 }}\n{{- end }}\n';
    const r = lint(only, { path: 'templates/cm.yaml', config: defaultConfig('strict') });
    assert.deepEqual(r.notices, []);
    assert.deepEqual(r.findings, []);
  });
});
