import assert from 'node:assert/strict';
import { fixTitles, fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const pod = (podSc: string, containerSc: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podSc}  containers:\n    - name: app\n      image: x:1\n${containerSc}`;

ruleTester('read-only-root-fs-missing', {
  valid: [
    { name: 'compose read_only: true', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    read_only: true\n' },
    { name: 'compose inherited read_only', path: 'compose.yaml', code: 'x-ro: &ro\n  read_only: true\nservices:\n  a:\n    <<: *ro\n    image: x:1\n' },
    { name: 'compose interpolated', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    read_only: ${READ_ONLY:-true}\n' },
    { name: 'compose rule is strict only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n', config: { profile: 'recommended' } },
    { name: 'k8s readOnlyRootFilesystem: true', path: 'p.yaml', code: pod('', '      securityContext: {readOnlyRootFilesystem: true}\n') },
  ],
  invalid: [
    {
      name: 'compose missing: inserted',
      path: 'compose.yaml',
      code: 'services:\n  web:\n    image: x:1 # pinned\n',
      errors: [{ line: 2, column: 3, severity: 'warning' }],
      output: 'services:\n  web:\n    image: x:1 # pinned\n    read_only: true\n',
      safe: false,
    },
    {
      name: 'compose read_only: false is replaced where it is written',
      path: 'compose.yaml',
      code: 'services:\n  web:\n    image: x:1\n    read_only: false\n',
      errors: [{ line: 4, column: 5 }],
      output: 'services:\n  web:\n    image: x:1\n    read_only: true\n',
    },
    {
      name: 'k8s: pod-level setting does not exist, so per container; securityContext created',
      path: 'p.yaml',
      code: pod('  securityContext:\n    runAsNonRoot: true\n', ''),
      errors: [{ line: 9, column: 7 }],
      output: pod('  securityContext:\n    runAsNonRoot: true\n', '      securityContext:\n        readOnlyRootFilesystem: true\n'),
      safe: false,
    },
    {
      name: 'k8s explicit false',
      path: 'p.yaml',
      code: pod('', '      securityContext:\n        readOnlyRootFilesystem: false\n'),
      errors: [{ line: 10, column: 9 }],
      output: pod('', '      securityContext:\n        readOnlyRootFilesystem: true\n'),
    },
  ],
});

describe('read-only-root-fs-missing fixes', () => {
  it('compose: a service that inherits from a shared anchor gets its own key', () => {
    const code = 'x-d: &d\n  restart: always\nservices:\n  a:\n    <<: *d\n  b:\n    <<: *d\n';
    assert.equal(fixedValue('read-only-root-fs-missing', 'compose.yaml', code, ['services', 'a', 'read_only']), true);
    assert.equal(fixedValue('read-only-root-fs-missing', 'compose.yaml', code, ['services', 'b', 'read_only']), undefined);
    assert.doesNotMatch(fixTitles('read-only-root-fs-missing', 'compose.yaml', code)[0], /shared/);
  });
  it('compose: read_only: false inherited from a shared anchor says it edits the anchor', () => {
    const code = 'x-d: &d\n  read_only: false\nservices:\n  a:\n    <<: *d\n  b:\n    <<: *d\n';
    assert.match(fixTitles('read-only-root-fs-missing', 'compose.yaml', code)[0], /edits the shared x-d anchor/);
  });
  it('k8s: the created key reads back true, in a flow container', () => {
    const code = pod('', '').replace('    - name: app\n      image: x:1\n', '    - {name: app, image: "x:1"}\n');
    assert.equal(fixedValue('read-only-root-fs-missing', 'p.yaml', code, ['spec', 'containers', 0, 'securityContext', 'readOnlyRootFilesystem']), true);
  });
});

describe('read-only-root-fs-missing: anchors inside the service', () => {
  it('a key inserted after a shared nested anchor is not an edit of that anchor', () => {
    const code = 'services:\n  a:\n    image: x:1\n    deploy: &dep\n      resources:\n        limits: {memory: 1g}\n  b:\n    image: x:1\n    read_only: true\n    deploy: *dep\n';
    assert.doesNotMatch(fixTitles('read-only-root-fs-missing', 'compose.yaml', code)[0], /shared/);
    assert.equal(fixedValue('read-only-root-fs-missing', 'compose.yaml', code, ['services', 'a', 'read_only']), true);
  });
  it('a key inserted into a service that is itself an anchor other services merge says so', () => {
    const code = 'services:\n  a: &a\n    image: x:1\n  b:\n    <<: *a\n';
    assert.match(fixTitles('read-only-root-fs-missing', 'compose.yaml', code)[0], /edits the shared &a anchor/);
  });
});
