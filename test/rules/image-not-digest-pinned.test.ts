import { ruleTester } from '../helpers/rule-tester';

const digest = 'sha256:' + 'b'.repeat(64);
const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: ${image}\n`;

ruleTester('image-not-digest-pinned', {
  valid: [
    { name: 'tag and digest', path: 'Dockerfile', code: `FROM node:22.11-slim@${digest}\n` },
    { name: 'digest only', path: 'Dockerfile', code: `FROM node@${digest}\n` },
    { name: 'latest is image-latest-tag only', path: 'Dockerfile', code: 'FROM node:latest\n' },
    { name: 'LATEST in any case', path: 'Dockerfile', code: 'FROM node:LATEST\n' },
    { name: 'untagged is image-untagged only', path: 'Dockerfile', code: 'FROM node\n' },
    { name: 'scratch', path: 'Dockerfile', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'a stage alias', path: 'Dockerfile', code: `FROM node:22@${digest} AS build\nFROM build\nCOPY --from=build /a /b\n` },
    { name: 'an ARG without default', path: 'Dockerfile', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'an ARG tag without default', path: 'Dockerfile', code: 'ARG TAG\nFROM node:${TAG}\n' },
    { name: 'strict only', path: 'Dockerfile', code: 'FROM node:22\n', config: { profile: 'recommended' } },
    { name: 'compose interpolation', path: 'compose.yaml', code: 'services:\n  web:\n    image: ${IMAGE}\n' },
    { name: 'compose service with build only', path: 'compose.yaml', code: 'services:\n  web:\n    build: .\n' },
    { name: 'k8s digest', path: 'pod.yaml', code: pod(`nginx:1.27@${digest}`) },
  ],
  invalid: [
    { name: 'FROM with a tag', path: 'Dockerfile', code: 'FROM node:22.11-slim\n', errors: [{ line: 1, column: 6, endColumn: 21, severity: 'info', message: 'node:22.11-slim@sha256:<digest>' }], output: null },
    { name: 'resolved from a global ARG re-declared in the stage', path: 'Dockerfile', code: 'ARG NODE=22\nFROM node:${NODE} AS build\nARG NODE\nFROM --platform=$BUILDPLATFORM golang:1.23\n', errors: [{ line: 2, column: 6 }, { line: 4, column: 32 }] },
    { name: 'COPY --from and RUN --mount images', path: 'Dockerfile', code: `FROM node:22@${digest}\nCOPY --from=busybox:1.36 /bin/sh /sh\nRUN --mount=type=bind,from=tools:1.0,target=/t ls /t\n`, errors: [{ line: 2, column: 13 }, { line: 3, column: 28 }] },
    { name: 'a registry with a port', path: 'Dockerfile', code: 'FROM localhost:5000/app:1.2\n', errors: [{ line: 1, column: 6 }] },
    { name: 'compose image', path: 'compose.yaml', code: 'services:\n  db:\n    image: "postgres:16"\n', errors: [{ line: 3, column: 12 }] },
    { name: 'k8s container', path: 'pod.yaml', code: pod('nginx:1.27'), errors: [{ line: 7, column: 14 }] },
  ],
});
