import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { hardenFixFor, restrictedGaps } from '../../server/src/analysis/harden';
import { defaultConfig } from '../../server/src/config/types';
import { kubernetesObjects, type Container } from '../../server/src/documents/kubernetes';
import { YamlDoc } from '../../server/src/documents/yaml';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { LineIndex } from '../../server/src/engine/text';

const RESTRICTED = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
  readOnlyRootFilesystem: true,
};

const pod = (containers: string, podLevel = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podLevel}  containers:\n${containers}`;

function firstContainer(text: string): Container {
  const objects = kubernetesObjects(new YamlDoc(parseDocument(text), new LineIndex(text)));
  return objects[0].podSpec!.containers[0];
}

/** Applies the harden fix and returns the fixed text and the container's securityContext read back. */
function harden(text: string): { fixed: string; sc: Record<string, unknown> } {
  const fix = hardenFixFor(firstContainer(text));
  assert.ok(fix, 'the harden fix is offered');
  assert.equal(fix.edits.length, 1, 'one edit');
  assert.equal(fix.safe, false);
  assert.match(fix.title, /changes behaviour/);
  const fixed = applyEdits(text, fix.edits);
  const doc = parseDocument(fixed);
  assert.deepEqual(doc.errors.map((e) => e.message), [], `fixed YAML parses:\n${fixed}`);
  const sc = doc.getIn(['spec', 'containers', 0, 'securityContext'], false) as { toJSON(): Record<string, unknown> };
  assert.equal(restrictedGaps(firstContainer(fixed)).size, 0, `no gap left:\n${fixed}`);
  return { fixed, sc: sc.toJSON() };
}

describe('harden: one edit writes a restricted securityContext', () => {
  it('creates the securityContext when absent (block)', () => {
    const { fixed, sc } = harden(pod('    - name: a\n      image: x:1\n'));
    assert.deepEqual(sc, RESTRICTED);
    assert.equal(
      fixed,
      pod('    - name: a\n      image: x:1\n      securityContext:\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: ["ALL"]\n        seccompProfile:\n          type: RuntimeDefault\n        readOnlyRootFilesystem: true\n'),
    );
  });

  it('merges into an existing block securityContext, keeping unrelated keys and comments', () => {
    const code = pod(
      '    - name: a\n      image: x:1\n      # the app needs port 80\n      securityContext:\n        runAsUser: 1000 # fixed uid\n        allowPrivilegeEscalation: true\n        seccompProfile:\n          type: Unconfined\n        capabilities:\n          add: [NET_BIND_SERVICE]\n          drop:\n            - NET_RAW # noisy\n      ports: [{containerPort: 80}]\n',
    );
    const { fixed, sc } = harden(code);
    assert.deepEqual(sc, {
      runAsUser: 1000,
      allowPrivilegeEscalation: false,
      seccompProfile: { type: 'RuntimeDefault' },
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['NET_RAW', 'ALL'] },
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
    });
    for (const comment of ['# the app needs port 80', '# fixed uid', '# noisy']) assert.ok(fixed.includes(comment), `keeps "${comment}"`);
    assert.deepEqual(parseDocument(fixed).getIn(['spec', 'containers', 0, 'ports', 0, 'containerPort']), 80);
  });

  it('merges into a flow securityContext inside a flow container', () => {
    const { fixed, sc } = harden(pod('    - {name: a, image: "x:1", securityContext: {runAsUser: 1000, capabilities: {add: [CHOWN]}}}\n'));
    assert.deepEqual(sc, { runAsUser: 1000, capabilities: { add: ['CHOWN'], drop: ['ALL'] }, runAsNonRoot: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' }, readOnlyRootFilesystem: true });
    assert.ok(fixed.startsWith(pod('    - {name: a, image: "x:1", securityContext: {runAsUser: 1000, ').slice(0, -1)));
  });

  it('fills an empty flow mapping and an empty key', () => {
    assert.deepEqual(harden(pod('    - name: a\n      image: x:1\n      securityContext: {}\n')).sc, RESTRICTED);
    assert.deepEqual(harden(pod('    - name: a\n      securityContext:\n      image: x:1\n')).sc, RESTRICTED);
  });

  it('a nested key at the end of the mapping goes before the new sibling keys', () => {
    const { sc } = harden(pod('    - name: a\n      image: x:1\n      securityContext:\n        capabilities:\n          drop:\n            - NET_RAW\n'));
    assert.deepEqual(sc, { capabilities: { drop: ['NET_RAW', 'ALL'] }, runAsNonRoot: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' }, readOnlyRootFilesystem: true });
    const nullCaps = harden(pod('    - name: a\n      image: x:1\n      securityContext:\n        capabilities:\n'));
    assert.deepEqual(nullCaps.sc, { capabilities: { drop: ['ALL'] }, runAsNonRoot: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' }, readOnlyRootFilesystem: true });
  });

  it('does not repeat what the pod already sets for all containers', () => {
    const { sc } = harden(pod('    - name: a\n      image: x:1\n', '  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n'));
    assert.deepEqual(sc, { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true });
  });

  it('keeps CRLF line endings', () => {
    const { fixed, sc } = harden(pod('    - name: a\n      image: x:1\n      securityContext:\n        runAsUser: 1000\n').replace(/\n/g, '\r\n'));
    assert.equal(sc.readOnlyRootFilesystem, true);
    assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line breaks');
  });

  it('is not offered for fewer than two findings, counting only active rules', () => {
    const oneGap = pod('    - name: a\n      image: x:1\n      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}\n');
    assert.equal(hardenFixFor(firstContainer(oneGap)), undefined);
    // Only strict-profile gaps (capabilities, seccomp, read-only root) are left: none reports under `recommended`.
    const strictGaps = pod('    - name: a\n      image: x:1\n      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}\n');
    assert.equal(hardenFixFor(firstContainer(strictGaps), defaultConfig('recommended')), undefined);
    assert.ok(hardenFixFor(firstContainer(strictGaps), defaultConfig('strict')));
    const off = { ...defaultConfig('strict'), rules: { 'seccomp-missing': { level: 'off' as const }, 'read-only-root-fs-missing': { level: 'off' as const } } };
    assert.equal(hardenFixFor(firstContainer(strictGaps), off), undefined);
  });

  it('leaves a securityContext that comes from a merge key alone', () => {
    const code = 'x-sc: &sc\n  runAsUser: 1000\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - <<: {securityContext: *sc}\n      name: a\n      image: x:1\n';
    assert.equal(hardenFixFor(firstContainer(code)), undefined);
  });
});
