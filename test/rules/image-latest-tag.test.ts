import { ruleTester } from '../helpers/rule-tester';

ruleTester('image-latest-tag', {
  valid: [
    { name: 'a version tag', path: 'Dockerfile', code: 'FROM node:22.11-slim\nUSER 10001\n' },
    { name: 'latest with a digest is pinned', path: 'Dockerfile', code: 'FROM nginx:latest@sha256:' + 'a'.repeat(64) + '\n' },
    { name: 'a stage alias named latest is not an image', path: 'Dockerfile', code: 'FROM node:22 AS latest\nFROM latest\n' },
    { name: 'COPY --from a stage', path: 'Dockerfile', code: 'FROM node:22 AS build\nFROM nginx:1.27\nCOPY --from=build /a /b\n' },
    { name: 'ARG without default is not judged', path: 'Dockerfile', code: 'ARG TAG\nFROM node:${TAG}\n' },
    { name: 'a registry port is not a tag', path: 'Dockerfile', code: 'FROM localhost:5000/app:1.2\n' },
    { name: 'compose interpolated image', path: 'compose.yaml', code: 'services:\n  web:\n    image: ${IMAGE:-nginx:latest}\n' },
    { name: 'k8s tagged image', path: 'pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n' },
    { name: 'YAML that is neither compose nor k8s', path: 'values.yaml', code: 'image: nginx:latest\n' },
  ],
  invalid: [
    { name: 'FROM latest', path: 'Dockerfile', code: 'FROM nginx:latest\n', errors: [{ line: 1, column: 6, endColumn: 18, severity: 'warning' }], output: null },
    {
      name: 'ARG default resolved in FROM',
      path: 'Dockerfile',
      code: 'ARG BASE=node:latest\nFROM ${BASE}\n',
      errors: [{ line: 2, column: 6, endColumn: 13 }],
    },
    { name: 'COPY --from an image', path: 'Dockerfile', code: 'FROM node:22\nCOPY --from=busybox:latest /bin/sh /sh\n', errors: [{ line: 2, column: 13 }] },
    { name: 'RUN --mount from an image', path: 'Dockerfile', code: 'FROM node:22\nRUN --mount=type=bind,from=tools:latest,target=/t ls /t\n', errors: [{ line: 2, column: 28 }] },
    {
      name: 'team pin fixes the tag',
      path: 'Dockerfile',
      code: 'FROM docker.io/library/node:latest\n',
      config: { images: { node: '22.11-slim' } },
      errors: [{ line: 1, column: 6 }],
      output: 'FROM docker.io/library/node:22.11-slim\n',
      safe: true,
    },
    {
      name: 'compose service',
      path: 'docker-compose.yml',
      code: 'services:\n  web:\n    image: "nginx:latest"\n',
      config: { images: { nginx: '1.27-alpine' } },
      errors: [{ line: 3, column: 12, endColumn: 26 }],
      output: 'services:\n  web:\n    image: "nginx:1.27-alpine"\n',
    },
    {
      name: 'k8s init and ephemeral containers',
      path: 'pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: i\n      image: busybox:latest\n  ephemeralContainers:\n    - name: e\n      image: busybox:latest\n  containers:\n    - name: a\n      image: nginx:1.27\n',
      errors: [{ line: 7, column: 14 }, { line: 10, column: 14 }],
    },
    {
      name: 'CronJob pod template',
      path: 'cron.yaml',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: alpine:latest\n',
      errors: [{ line: 12, column: 22 }],
    },
  ],
});
