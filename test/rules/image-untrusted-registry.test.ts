import assert from 'node:assert/strict';
import { globMatch, isTrustedImage } from '../../server/src/analysis/registries';
import { parseImageRef } from '../../server/src/documents/image';
import { ruleTester } from '../helpers/rule-tester';

const trusted = (...trustedRegistries: string[]) => ({ trustedRegistries, profile: 'recommended' as const });
const pod = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: ${image}\n`;

describe('registry globs', () => {
  const cases: [string, string, boolean][] = [
    ['*.gcr.io', 'eu.gcr.io', true],
    ['*.gcr.io', 'gcr.io', false],
    ['*.gcr.io', 'evilgcr.io', false],
    ['my.co*', 'my.company.com', true],
    ['my.co*', 'my.co:5000', true],
    ['my.co*', 'xmy.co', false],
    ['*', 'anything.example', true],
    ['GHCR.IO', 'ghcr.io', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['(.*)+$', '(.*)+$', true],
  ];
  for (const [pattern, text, expected] of cases) it(`${pattern} ${expected ? 'matches' : 'does not match'} ${text}`, () => assert.equal(globMatch(pattern, text), expected));

  it('treats regex syntax in patterns as literal text, quickly', () => {
    assert.equal(globMatch('(a+)+$', 'a'.repeat(5000) + '!'), false);
  });

  it('matches registry/path patterns against the Docker Hub library path', () => {
    assert.ok(isTrustedImage(parseImageRef('node:22')!, ['docker.io/library/*']));
    assert.ok(!isTrustedImage(parseImageRef('someone/node:22')!, ['docker.io/library/*']));
    assert.ok(isTrustedImage(parseImageRef('index.docker.io/library/node:22')!, ['docker.io']));
  });
});

ruleTester('image-untrusted-registry', {
  valid: [
    { name: 'inactive without trustedRegistries', path: 'Dockerfile', code: 'FROM quay.io/app:1\n' },
    { name: 'inactive with an empty list', path: 'Dockerfile', code: 'FROM quay.io/app:1\n', config: trusted() },
    { name: 'a trusted registry', path: 'Dockerfile', code: 'FROM ghcr.io/org/app:1\n', config: trusted('ghcr.io') },
    { name: 'no registry is docker.io', path: 'Dockerfile', code: 'FROM node:22\n', config: trusted('docker.io') },
    { name: 'wildcard subdomain', path: 'Dockerfile', code: 'FROM eu.gcr.io/p/app:1\n', config: trusted('*.gcr.io') },
    { name: 'prefix wildcard with a port', path: 'Dockerfile', code: 'FROM my.company.com:5000/app:1\n', config: trusted('my.co*') },
    { name: 'everything', path: 'Dockerfile', code: 'FROM quay.io/app:1\n', config: trusted('*') },
    { name: 'scratch, stage aliases, unresolved ARGs', path: 'Dockerfile', code: 'ARG REGISTRY\nFROM scratch AS base\nFROM ${REGISTRY}/app:1 AS app\nFROM base\nCOPY --from=app /a /a\n', config: trusted('ghcr.io') },
    { name: 'compose trusted', path: 'compose.yaml', code: 'services:\n  web:\n    image: ghcr.io/org/web:1\n', config: trusted('ghcr.io') },
  ],
  invalid: [
    {
      name: 'docker.io image when only ghcr.io is trusted',
      path: 'Dockerfile',
      code: 'FROM node:22\n',
      config: trusted('ghcr.io'),
      errors: [{ line: 1, column: 6, endColumn: 13, severity: 'error', message: 'no registry means docker.io' }],
      output: null,
    },
    { name: 'gcr.io is not *.gcr.io', path: 'Dockerfile', code: 'FROM gcr.io/p/app:1\n', config: trusted('*.gcr.io'), errors: [{ line: 1, column: 6 }] },
    { name: 'ARG-resolved FROM and COPY --from', path: 'Dockerfile', code: 'ARG BASE=quay.io/org/base:1\nFROM ${BASE}\nCOPY --from=docker.io/library/busybox:1.36 /bin/sh /sh\n', config: trusted('ghcr.io'), errors: [{ line: 2, column: 6, message: 'resolves to "quay.io/org/base:1"' }, { line: 3, column: 13 }] },
    { name: '--platform before the image', path: 'Dockerfile', code: 'FROM --platform=linux/amd64 quay.io/org/base:1\n', config: trusted('ghcr.io'), errors: [{ line: 1, column: 29 }] },
    { name: 'compose', path: 'compose.yaml', code: 'services:\n  web:\n    image: quay.io/org/web:1\n', config: trusted('ghcr.io', '*.gcr.io'), errors: [{ line: 3, column: 12 }] },
    { name: 'kubernetes deployment', path: 'deploy.yaml', code: pod('evil.example/app:1'), config: trusted('ghcr.io'), errors: [{ line: 9, column: 18 }] },
  ],
});
