import { ruleTester } from '../helpers/rule-tester';

ruleTester('user-not-numeric', {
  valid: [
    { name: 'numeric UID and GID', path: 'Dockerfile', code: 'FROM alpine:3.20\nUSER 10001:10001\n' },
    { name: 'numeric UID with a group name', path: 'Dockerfile', code: 'FROM alpine:3.20\nUSER 10001:app\n' },
    { name: 'a name in an earlier stage only', path: 'Dockerfile', code: 'FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 10001\n' },
    { name: 'root is user-root, not this rule', path: 'Dockerfile', code: 'FROM alpine:3.20\nUSER root\n' },
    { name: 'no USER at all is user-missing', path: 'Dockerfile', code: 'FROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'an ARG without default', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG APP_USER\nUSER ${APP_USER}\n' },
    { name: 'an ARG default that is numeric', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG UID=10001\nUSER ${UID}\n' },
    { name: 'a later numeric USER wins', path: 'Dockerfile', code: 'FROM alpine:3.20\nUSER app\nRUN id\nUSER 10001\n' },
    { name: 'only in the recommended profile: off', path: 'Dockerfile', code: 'FROM alpine:3.20\nUSER app\n', config: { profile: 'recommended' } },
  ],
  invalid: [
    {
      name: 'a user name in the final stage',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\n',
      errors: [{ line: 3, column: 6, endColumn: 9, severity: 'info', message: '"app"' }],
      output: null,
    },
    { name: 'name:group', path: 'Dockerfile', code: 'FROM alpine:3.20\nUSER app:app\n', errors: [{ line: 2, column: 6 }] },
    { name: 'inherited from the stage the final one builds on', path: 'Dockerfile', code: 'FROM alpine:3.20 AS base\nUSER node\nFROM base\nCMD ["node"]\n', errors: [{ line: 2, column: 6 }] },
    { name: 'a name through an ARG default', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG APP_USER=app\nUSER ${APP_USER}\n', errors: [{ line: 3, column: 6, message: '"app"' }] },
    { name: 'distroless nonroot user', path: 'Dockerfile', code: 'FROM gcr.io/distroless/static:nonroot\nUSER nonroot:nonroot\n', errors: [{ line: 2, column: 6 }] },
  ],
});
