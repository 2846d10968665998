import { ruleTester } from '../helpers/rule-tester';

ruleTester('image-untagged', {
  valid: [
    { name: 'scratch is not an image', path: 'Dockerfile', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'stage alias', path: 'Dockerfile', code: 'FROM golang:1.23 AS build\nFROM build AS test\n' },
    { name: 'stage alias is case-insensitive', path: 'Dockerfile', code: 'FROM golang:1.23 AS Build\nFROM build\n' },
    { name: 'digest without tag', path: 'Dockerfile', code: 'FROM alpine@sha256:' + 'b'.repeat(64) + '\n' },
    { name: 'ARG with no default is skipped', path: 'Dockerfile', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'ARG default with a tag', path: 'Dockerfile', code: 'ARG BASE=node:22\nFROM $BASE\n' },
    { name: 'COPY --from stage index', path: 'Dockerfile', code: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /a /b\n' },
    { name: 'compose build without image', path: 'compose.yaml', code: 'services:\n  app:\n    build: .\n' },
    { name: 'k8s generic CRD with tags', path: 'rollout.yaml', code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "nginx:1.27"}]\n' },
  ],
  invalid: [
    { name: 'FROM without tag', path: 'Dockerfile', code: 'FROM ubuntu\n', errors: [{ line: 1, column: 6, endColumn: 12, message: 'ubuntu:latest' }] },
    { name: 'ARG default without tag', path: 'Dockerfile', code: 'ARG BASE=node\nFROM ${BASE} AS build\n', errors: [{ line: 2, column: 6, message: 'resolves to "node"' }] },
    {
      name: 'stage-level ARG default wins',
      path: 'Dockerfile.prod',
      code: 'ARG IMG=alpine\nFROM $IMG\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'team pin appended',
      path: 'app.dockerfile',
      code: 'FROM --platform=$BUILDPLATFORM node AS build\n',
      config: { images: { node: '22.11-slim' } },
      errors: [{ line: 1, column: 32 }],
      output: 'FROM --platform=$BUILDPLATFORM node:22.11-slim AS build\n',
      safe: true,
    },
    { name: 'compose image', path: 'compose.yml', code: 'services:\n  db:\n    image: postgres\n', errors: [{ line: 3, column: 12 }] },
    {
      name: 'k8s kind: List',
      path: 'list.yaml',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: redis\n',
      config: { images: { redis: '7.4' } },
      errors: [{ line: 12, column: 22 }],
      output: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: redis:7.4\n',
    },
  ],
});
