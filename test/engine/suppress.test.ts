import assert from 'node:assert/strict';
import { defaultConfig, type ResolvedConfig } from '../../server/src/config/types';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { lint } from '../../server/src/engine/lint';
import { expandAka, normalizeForeignId, rulesForForeignId } from '../../server/src/engine/suppress-ids';
import { assertParses } from '../helpers/rule-tester';

const config = (partial: Partial<ResolvedConfig> = {}): ResolvedConfig => ({ ...defaultConfig('recommended'), ...partial });
/** `line:col ruleId` of every finding (1-based), as a compact picture of a lint. */
function found(path: string, text: string, partial?: Partial<ResolvedConfig>): string[] {
  return lint(text, { path, config: config(partial) }).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);
}
const ids = (path: string, text: string, partial?: Partial<ResolvedConfig>): string[] => found(path, text, partial).map((f) => f.split(' ')[1]);

const POD = (annotations: string, securityContext = '{privileged: true, runAsNonRoot: true, allowPrivilegeEscalation: false}') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${annotations}spec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: ${securityContext}\n`;

describe('suppression', () => {
  describe('Dockerfile comments', () => {
    it('# shipshape ignore covers the next instruction, continuation lines included', () => {
      const text = 'FROM alpine:3\n# shipshape ignore=user-root -- base needs root for apk\nUSER \\\n  root\nCMD ["sh"]\n';
      assert.deepEqual(ids('Dockerfile', text), []);
    });
    it('blank lines and other comments between the ignore and the instruction are fine', () => {
      assert.deepEqual(ids('Dockerfile', '# shipshape ignore=image-latest-tag -- x\n\n# the base\nFROM nginx:latest\nUSER 10001\n'), []);
    });
    it('covers only the next instruction', () => {
      assert.deepEqual(found('Dockerfile', '# shipshape ignore=image-latest-tag -- x\nFROM nginx:latest AS a\nFROM nginx:latest\nUSER 10001\n'), ['3:6 image-latest-tag']);
    });
    it('a finding about something missing (anchored on the final FROM) can be suppressed', () => {
      assert.deepEqual(ids('Dockerfile', 'FROM node:22\n# shipshape ignore=user-missing -- the entrypoint drops privileges\nFROM node:22\nCMD ["node"]\n'), []);
    });
    it('several rules in one comment, with or without spaces after commas', () => {
      assert.deepEqual(found('Dockerfile', 'FROM node:22\n# shipshape ignore=image-latest-tag , user-root -- x\nUSER root\n'), ['2:20 unused-ignore']);
    });
    it('the reason is optional', () => {
      assert.deepEqual(ids('Dockerfile', '# shipshape ignore=image-latest-tag\nFROM nginx:latest\nUSER 10001\n'), []);
    });
    it('global ignores cover the file, wherever they are', () => {
      assert.deepEqual(ids('Dockerfile', 'FROM nginx:latest AS a\nFROM nginx:latest\nUSER 10001\n# shipshape global ignore=image-latest-tag -- mirrored\n'), []);
      assert.deepEqual(ids('Dockerfile', '# hadolint global ignore=DL3007\nFROM nginx:latest AS a\nFROM nginx:latest\nUSER 10001\n'), []);
    });
    it('hadolint ids go through the aka column', () => {
      assert.deepEqual(ids('Dockerfile', '# hadolint ignore=DL3007,DL3002\nFROM nginx:latest\nUSER 10001\n'), []);
      assert.deepEqual(ids('Dockerfile', 'FROM node:22\n# hadolint ignore=DL3002\nUSER root\n'), []);
    });
    it('trivy ids in every spelling (DS-0002, DS002, AVD-DS-0002)', () => {
      for (const id of ['DS-0002', 'DS002', 'AVD-DS-0002', 'ds-0002']) {
        assert.deepEqual(ids('Dockerfile', `FROM node:22\n#trivy:ignore:${id}\nUSER root\n`), [], id);
      }
    });
    it('checkov skips cover the whole Dockerfile, as checkov reads them', () => {
      assert.deepEqual(ids('Dockerfile', 'FROM node:22\nUSER root\n# checkov:skip=CKV_DOCKER_8:legacy image\n'), []);
    });
    it('a foreign id with no Shipshape equivalent is ignored quietly', () => {
      assert.deepEqual(found('Dockerfile', '# hadolint ignore=DL3059\nFROM nginx:latest\nUSER 10001\n'), ['2:6 image-latest-tag']);
    });
    it('a directive-looking comment inside a RUN continuation is not an ignore', () => {
      assert.deepEqual(found('Dockerfile', 'FROM node:22\nRUN echo a \\\n# shipshape ignore=user-root -- x\n  && echo b\nUSER root\n'), ['5:6 user-root']);
    });
  });

  describe('YAML comments', () => {
    it('covers the next key and everything under it, not its siblings', () => {
      const text = 'services:\n  a:\n    image: x:1\n    # shipshape ignore=privileged -- needs devices\n    privileged: true\n  b:\n    image: y:1\n    privileged: true\n';
      assert.deepEqual(found('compose.yaml', text), ['8:5 privileged']);
    });
    it('above a service key covers the whole service', () => {
      const text = 'services:\n  # shipshape ignore=privileged,user-root -- legacy\n  a:\n    image: x:1\n    user: root\n    privileged: true\n  b:\n    image: y:1\n    privileged: true\n';
      assert.deepEqual(found('compose.yaml', text), ['9:5 privileged']);
    });
    it('above a sequence item covers that item only (findings about something missing included)', () => {
      const text = POD('', '{runAsNonRoot: true}').replace('    - name: a\n', '    # shipshape ignore=privilege-escalation -- x\n    - name: a\n') + '    - name: b\n      image: x:1\n      securityContext: {runAsNonRoot: true}\n';
      assert.deepEqual(found('p.yaml', text), ['11:7 privilege-escalation']);
    });
    it('a block sequence at the key\'s own indentation belongs to the key', () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  # shipshape ignore=privileged -- x\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true, runAsNonRoot: true, allowPrivilegeEscalation: false}\n';
      assert.deepEqual(found('p.yaml', text), []);
    });
    it('above the first key of a document covers that document only', () => {
      const doc = POD('');
      const text = `# shipshape ignore=privileged -- x\n${doc}---\n${doc}`;
      assert.deepEqual(found('all.yaml', text), ['20:25 privileged']);
    });
    it('trivy and checkov comments in YAML', () => {
      assert.deepEqual(ids('p.yaml', POD('').replace('      securityContext', '      #trivy:ignore:KSV-0017\n      securityContext')), []);
      assert.deepEqual(ids('p.yaml', POD('') + '# checkov:skip=CKV_K8S_16:approved\n'), []);
    });
    it('a global ignore covers every document', () => {
      const doc = POD('');
      assert.deepEqual(ids('all.yaml', `${doc}---\n${doc}# shipshape global ignore=privileged -- x\n`), []);
    });
  });

  describe('Kubernetes annotations', () => {
    it('ignore.shipshape.dev/<rule> exempts the object and its containers', () => {
      assert.deepEqual(ids('p.yaml', POD('  annotations:\n    ignore.shipshape.dev/privileged: "GPU driver installer"\n')), []);
    });
    it('kube-linter and checkov annotations through the aka ids', () => {
      assert.deepEqual(ids('p.yaml', POD('  annotations:\n    ignore-check.kube-linter.io/privileged-container: "x"\n')), []);
      assert.deepEqual(ids('p.yaml', POD('  annotations:\n    checkov.io/skip1: CKV_K8S_16=needs the host\n')), []);
    });
    it('covers its own object only (List items, other documents)', () => {
      const item = (ann: string) =>
        `  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: p\n${ann}    spec:\n      containers:\n        - name: a\n          image: x:1\n          securityContext: {privileged: true, runAsNonRoot: true, allowPrivilegeEscalation: false}\n`;
      const text = `apiVersion: v1\nkind: List\nitems:\n${item('      annotations: {ignore.shipshape.dev/privileged: "x"}\n')}${item('')}`;
      assert.deepEqual(found('list.yaml', text), ['22:29 privileged']);
    });
  });

  describe('allowInlineIgnores: false', () => {
    it('comments and annotations suppress nothing; Shipshape ignores say so', () => {
      const off = { allowInlineIgnores: false };
      assert.deepEqual(ids('Dockerfile', '# shipshape ignore=image-latest-tag -- x\nFROM nginx:latest\nUSER 10001\n', off), ['unused-ignore', 'image-latest-tag']);
      assert.deepEqual(ids('Dockerfile', '# hadolint ignore=DL3007\nFROM nginx:latest\nUSER 10001\n', off), ['image-latest-tag']);
      assert.deepEqual(ids('p.yaml', POD('  annotations:\n    ignore.shipshape.dev/privileged: "x"\n'), off), ['unused-ignore', 'privileged']);
    });
  });

  describe('foreign ids', () => {
    it('expands the catalog\'s ranges and lists', () => {
      assert.deepEqual(expandAka('CKV_K8S_10…13'), ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13']);
      assert.deepEqual(expandAka('CKV2_DOCKER_2…4, 12…13'), ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13']);
      assert.deepEqual(expandAka('KSV-0044…0046'), ['KSV-0044', 'KSV-0045', 'KSV-0046']);
      assert.deepEqual(expandAka('CKV_K8S_157, 158'), ['CKV_K8S_157', 'CKV_K8S_158']);
      assert.deepEqual(expandAka('PSS baseline'), []);
    });
    it('normalises trivy spellings and maps ids to rules', () => {
      assert.equal(normalizeForeignId('AVD-KSV-0017'), 'KSV-0017');
      assert.equal(normalizeForeignId('ksv017'), 'KSV-0017');
      assert.deepEqual(rulesForForeignId('checkov', 'CKV_K8S_16'), ['privileged']);
      assert.deepEqual(rulesForForeignId('kube-linter', 'privileged-container'), ['privileged']);
      assert.ok(rulesForForeignId('trivy', 'DS-0001').includes('image-latest-tag'));
      assert.ok(rulesForForeignId('trivy', 'DS-0001').includes('image-untagged'));
    });
  });

  it('hostile input: long directive-like lines are scanned without blowing up', () => {
    const line = '# shipshape ignore=' + 'a,'.repeat(20000) + ' '.repeat(20000) + 'x';
    const text = `${line}\nFROM nginx:1\nUSER 10001\n${'#trivy:ignore:'.repeat(5000)}\n`;
    const result = lint(text, { path: 'Dockerfile', config: config() });
    assert.ok(result.findings.every((f) => f.ruleId === 'unused-ignore'));
    assertParses('Dockerfile', text);
  });

  it('a suppressed finding\'s fixes are not applied by fix-all', () => {
    const text = '# shipshape ignore=image-latest-tag -- x\nFROM nginx:latest\nUSER 10001\n';
    const result = lint(text, { path: 'Dockerfile', config: config({ images: { nginx: '1.27' } }) });
    assert.deepEqual(result.findings, []);
    assert.equal(applyEdits(text, []), text);
  });
});
