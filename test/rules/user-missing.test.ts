import { ruleTester } from '../helpers/rule-tester';

ruleTester('user-missing', {
  valid: [
    { name: 'USER set', path: 'Dockerfile', code: 'FROM node:22\nUSER node\n' },
    { name: 'scratch final stage', path: 'Dockerfile', code: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'distroless nonroot', path: 'Dockerfile', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'chainguard', path: 'Dockerfile', code: 'FROM cgr.dev/chainguard/node:latest\n' },
    { name: 'team-listed non-root base', path: 'Dockerfile', code: 'FROM registry.example.com/base/node:22\n', config: { nonRootBaseImages: ['registry.example.com/base/*'] } },
    { name: 'USER inherited from an earlier stage', path: 'Dockerfile', code: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    { name: 'final stage built on a scratch stage', path: 'Dockerfile', code: 'FROM scratch AS base\nCOPY a /a\nFROM base\n' },
    { name: 'compose service with user', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "10001"\n' },
    { name: 'compose user through a merge key', path: 'compose.yaml', code: 'x-base: &base\n  user: "10001"\nservices:\n  a:\n    <<: *base\n    image: x:1\n' },
    { name: 'compose rule is strict-only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n', config: { profile: 'recommended' } },
  ],
  invalid: [
    {
      name: 'no USER: inserted before CMD',
      path: 'Dockerfile',
      code: 'FROM node:22\nCOPY . /app\nCMD ["node", "app.js"]\n',
      errors: [{ line: 1, column: 1, severity: 'warning' }],
      output: 'FROM node:22\nCOPY . /app\nUSER 10001:10001\nCMD ["node", "app.js"]\n',
      safe: false,
    },
    {
      name: 'no USER and no CMD: appended to the stage',
      path: 'Dockerfile',
      code: 'FROM node:22 AS build\nUSER node\nFROM nginx:1.27\nCOPY --from=build /a /b',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM node:22 AS build\nUSER node\nFROM nginx:1.27\nCOPY --from=build /a /b\nUSER 10001:10001',
    },
    {
      name: 'CRLF line endings kept',
      path: 'Dockerfile',
      code: 'FROM node:22\r\nENTRYPOINT ["node"]\r\n',
      errors: [{ line: 1, column: 1 }],
      output: 'FROM node:22\r\nUSER 10001:10001\r\nENTRYPOINT ["node"]\r\n',
    },
    {
      name: 'compose service without user (strict)',
      path: 'compose.yaml',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:80:80"\n',
      errors: [{ line: 2, column: 3, severity: 'info' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:80:80"\n    user: "10001:10001"\n',
    },
  ],
});
