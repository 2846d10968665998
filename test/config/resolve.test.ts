import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { ConfigResolver, type ConfigHost } from '../../server/src/config/resolve';
import { fakeCatalog } from './fake-catalog';

const ROOT = '/repo';

/** An in-memory file system: the resolver reads only through its host. */
function memoryHost(files: Record<string, string>): ConfigHost & { files: Record<string, string> } {
  return {
    files,
    isFile: (path) => path in files,
    exists: (path) => path in files || Object.keys(files).some((f) => f.startsWith(path + '/')),
    readFile: (path) => files[path],
  };
}

function setup(text: string, extra: Record<string, string> = {}) {
  const host = memoryHost({ [join(ROOT, '.shipshape.yaml')]: text, ...extra });
  const resolver = new ConfigResolver(host, fakeCatalog);
  const at = (rel: string, profile?: 'recommended' | 'strict') => resolver.resolve({ filePath: join(ROOT, rel), workspaceRoot: ROOT, profile });
  return { host, resolver, at };
}

describe('rules file: resolution, overrides and hot reload', () => {
  it('no rules file: the requested profile (default recommended) with default severities', () => {
    const resolver = new ConfigResolver(memoryHost({}), fakeCatalog);
    assert.equal(resolver.resolve({ filePath: '/x/Dockerfile', workspaceRoot: '/x' }).config.profile, 'recommended');
    const strict = resolver.resolve({ filePath: '/x/Dockerfile', workspaceRoot: '/x', profile: 'strict' });
    assert.equal(strict.config.profile, 'strict');
    assert.deepEqual(strict.config.rules, {});
    assert.equal(strict.rulesFile, undefined);
  });

  it('extends wins over the fallback profile; without extends the fallback applies', () => {
    assert.equal(setup('extends: recommended\n').at('Dockerfile', 'strict').config.profile, 'recommended');
    assert.equal(setup('rules: {}\n').at('Dockerfile', 'strict').config.profile, 'strict');
  });

  it('carries every setting into the configuration', () => {
    const { at } = setup(
      'rules:\n  image-latest-tag: error\ntrustedRegistries: ["*.gcr.io"]\nimages: { node: 22-slim }\nnonRootBaseImages: ["cgr.dev/**"]\nallowInlineIgnores: false\n',
    );
    const { config } = at('app/Dockerfile');
    assert.deepEqual(config.rules, { 'image-latest-tag': { level: 'error' } });
    assert.deepEqual(config.trustedRegistries, ['*.gcr.io']);
    assert.deepEqual(config.images, { node: '22-slim' });
    assert.deepEqual(config.nonRootBaseImages, ['cgr.dev/**']);
    assert.equal(config.allowInlineIgnores, false);
    assert.equal(config.rulesFile, join(ROOT, '.shipshape.yaml'));
  });

  it('overrides apply in order, later ones winning, with globs relative to the rules file folder', () => {
    const { at } = setup(
      [
        'rules:',
        '  image-latest-tag: error',
        '  capabilities-nondefault: [warning, { allow: [SYS_TIME] }]',
        'overrides:',
        '  - files: ["deploy/**"]',
        '    rules: { image-latest-tag: warning, capabilities-nondefault: error }',
        '  - files: ["deploy/dev/**", "**/docker-compose.dev.yml"]',
        '    rules: { image-latest-tag: off }',
        '  - files: deploy',
        '    rules: { port-all-interfaces: info }',
      ].join('\n'),
    );
    assert.deepEqual(at('Dockerfile').config.rules['image-latest-tag'], { level: 'error' });
    assert.deepEqual(at('deploy/prod/pod.yaml').config.rules['image-latest-tag'], { level: 'warning' });
    assert.deepEqual(at('deploy/dev/pod.yaml').config.rules['image-latest-tag'], { level: 'off' }, 'the later override wins');
    assert.deepEqual(at('svc/docker-compose.dev.yml').config.rules['image-latest-tag'], { level: 'off' });
    // A severity alone keeps the options set earlier.
    assert.deepEqual(at('deploy/prod/pod.yaml').config.rules['capabilities-nondefault'], { level: 'error', options: { allow: ['SYS_TIME'] } });
    // A folder name covers everything below it.
    assert.deepEqual(at('deploy/prod/pod.yaml').config.rules['port-all-interfaces'], { level: 'info' });
    assert.equal(at('deployment/pod.yaml').config.rules['port-all-interfaces'], undefined);
  });

  it('override globs are relative to the rules file, not to the workspace', () => {
    const host = memoryHost({ '/repo/services/api/.shipshape.yaml': 'overrides:\n  - files: ["dev/**"]\n    rules: { image-latest-tag: off }\n' });
    const resolver = new ConfigResolver(host, fakeCatalog);
    const at = (rel: string) => resolver.resolve({ filePath: join(ROOT, rel), workspaceRoot: ROOT }).config.rules['image-latest-tag'];
    assert.deepEqual(at('services/api/dev/Dockerfile'), { level: 'off' });
    assert.equal(at('dev/Dockerfile'), undefined);
  });

  it('ignorePaths: matching files are not linted', () => {
    const { at } = setup('ignorePaths: ["third_party/**", "**/testdata", "*.generated.yaml"]\n');
    assert.equal(at('third_party/x/Dockerfile').ignored, true);
    assert.equal(at('a/b/testdata/pod.yaml').ignored, true);
    assert.equal(at('k8s.generated.yaml').ignored, true);
    assert.equal(at('Dockerfile').ignored, false);
    assert.equal(at('src/third_party.yaml').ignored, false);
  });

  it('the same inputs give the same configuration object (the engine caches per object)', () => {
    const { at } = setup('overrides:\n  - files: ["dev/**"]\n    rules: { image-latest-tag: off }\n');
    assert.equal(at('a/Dockerfile').config, at('b/Dockerfile').config);
    assert.equal(at('dev/a/Dockerfile').config, at('dev/b/Dockerfile').config);
    assert.notEqual(at('a/Dockerfile').config, at('dev/a/Dockerfile').config);
  });

  it('hot reload: a change is seen after invalidation; the rest of the cache stays', () => {
    const { host, resolver, at } = setup('rules: { image-latest-tag: error }\n');
    assert.deepEqual(at('Dockerfile').config.rules['image-latest-tag'], { level: 'error' });
    host.files[join(ROOT, '.shipshape.yaml')] = 'rules: { image-latest-tag: off }\n';
    assert.deepEqual(at('Dockerfile').config.rules['image-latest-tag'], { level: 'error' }, 'cached until invalidated');
    resolver.invalidate(join(ROOT, '.shipshape.yaml'));
    assert.deepEqual(at('Dockerfile').config.rules['image-latest-tag'], { level: 'off' });
  });

  it('a syntax error keeps the last good configuration in force and reports the error', () => {
    const { host, resolver, at } = setup('rules: { image-latest-tag: error }\nignorePaths: [vendor]\n');
    assert.deepEqual(at('Dockerfile').config.rules['image-latest-tag'], { level: 'error' });
    host.files[join(ROOT, '.shipshape.yaml')] = 'rules: { image-latest-tag: off \nignorePaths: [\n';
    resolver.invalidate(join(ROOT, '.shipshape.yaml'));
    const broken = at('Dockerfile');
    assert.deepEqual(broken.config.rules['image-latest-tag'], { level: 'error' });
    assert.equal(at('vendor/Dockerfile').ignored, true);
    assert.ok(broken.rulesFile!.problems.length > 0);
  });

  it('a refused value keeps its last good value; the valid rest applies', () => {
    const { host, resolver, at } = setup('rules:\n  image-latest-tag: error\n  image-untagged: warning\n');
    at('Dockerfile');
    host.files[join(ROOT, '.shipshape.yaml')] = 'rules:\n  image-latest-tag: erro\n  image-untagged: off\n';
    resolver.invalidate(join(ROOT, '.shipshape.yaml'));
    const { config, rulesFile } = at('Dockerfile');
    assert.deepEqual(config.rules, { 'image-latest-tag': { level: 'error' }, 'image-untagged': { level: 'off' } });
    assert.equal(rulesFile!.problems.length, 1);
  });

  it('a broken file with no good version yet applies the defaults (linting never turns off)', () => {
    const { at } = setup('rules: [\n');
    const { config, rulesFile } = at('Dockerfile');
    assert.deepEqual(config.rules, {});
    assert.equal(config.profile, 'recommended');
    assert.ok(rulesFile!.problems.length > 0);
  });

  it('deleting the rules file falls back to discovery (or the defaults)', () => {
    const { host, resolver, at } = setup('rules: { image-latest-tag: error }\n');
    at('Dockerfile');
    delete host.files[join(ROOT, '.shipshape.yaml')];
    resolver.invalidate(join(ROOT, '.shipshape.yaml'), true);
    assert.equal(at('Dockerfile').rulesFile, undefined);
    assert.deepEqual(at('Dockerfile').config.rules, {});
  });

  it('an explicit rules file that does not exist is a problem', () => {
    const resolver = new ConfigResolver(memoryHost({}), fakeCatalog);
    const resolution = resolver.resolve({ filePath: '/x/Dockerfile', configPath: '/x/missing.yaml' });
    assert.match(resolution.rulesFile!.problems[0].message, /does not exist/);
    assert.equal(dirname(resolution.rulesFile!.path), '/x');
  });
});
