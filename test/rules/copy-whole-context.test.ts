import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/config/types';
import { lint } from '../../server/src/engine/lint';
import { ruleTester } from '../helpers/rule-tester';

const strict = defaultConfig('strict');

function findings(path: string | undefined, code: string, fileExists: ((p: string) => boolean) | null = existsSync) {
  return lint(code, { path, languageId: 'dockerfile', config: strict, fileExists: fileExists ?? undefined }).findings.filter((f) => f.ruleId === 'copy-whole-context');
}

describe('copy-whole-context (with a build context on disk)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-ctx-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports COPY . when no .dockerignore sits beside the Dockerfile', () => {
    const found = findings(join(dir, 'Dockerfile'), 'FROM node:22\nWORKDIR /app\nCOPY . .\n');
    assert.deepEqual(found.map((f) => [f.range.start.line + 1, f.range.start.character + 1, f.range.end.character + 1, f.severity]), [[3, 6, 7, 'info']]);
    assert.match(found[0].message, /no \.dockerignore/);
    assert.deepEqual(found[0].fixes, []);
  });

  it('reports ./ in JSON form and ADD ., once per instruction', () => {
    const found = findings(join(dir, 'Dockerfile'), 'FROM node:22\nCOPY ["./", "/app"]\nADD --chown=1:1 . /srv\n');
    assert.deepEqual(found.map((f) => [f.range.start.line + 1, f.range.start.character + 1]), [[2, 7], [3, 17]]);
  });

  it('is quiet when .dockerignore exists', () => {
    writeFileSync(join(dir, '.dockerignore'), '.git\n.env\n');
    assert.deepEqual(findings(join(dir, 'Dockerfile'), 'FROM node:22\nCOPY . .\n'), []);
  });

  it('accepts a Dockerfile-specific <name>.dockerignore', () => {
    writeFileSync(join(dir, 'api.Dockerfile.dockerignore'), '.git\n');
    assert.deepEqual(findings(join(dir, 'api.Dockerfile'), 'FROM node:22\nCOPY . .\n'), []);
    assert.equal(findings(join(dir, 'web.Dockerfile'), 'FROM node:22\nCOPY . .\n').length, 1, 'another Dockerfile in the folder is not covered');
  });

  it('does not judge when the path or the file system is unknown', () => {
    assert.deepEqual(findings(undefined, 'FROM node:22\nCOPY . .\n'), []);
    assert.deepEqual(findings(join(dir, 'Dockerfile'), 'FROM node:22\nCOPY . .\n', null), []);
  });

  it('ignores COPY --from=<stage> . and narrower sources', () => {
    const code = 'FROM node:22 AS build\nCOPY package.json ./\nCOPY src/ ./src/\nFROM nginx:1.27\nCOPY --from=build . /usr/share/nginx/html\n';
    assert.deepEqual(findings(join(dir, 'Dockerfile'), code), []);
  });

  it('is strict-only', () => {
    const found = lint('FROM node:22\nCOPY . .\n', { path: join(dir, 'Dockerfile'), config: defaultConfig('recommended'), fileExists: existsSync }).findings;
    assert.ok(!found.some((f) => f.ruleId === 'copy-whole-context'));
  });
});

// Without a path and a file system (the tester passes neither), the rule never reports.
ruleTester('copy-whole-context', {
  valid: [{ name: 'no path known', path: 'Dockerfile', code: 'FROM node:22\nCOPY . .\n' }],
  invalid: [],
});
