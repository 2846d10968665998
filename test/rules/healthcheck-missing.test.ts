import { ruleTester } from '../helpers/rule-tester';

ruleTester('healthcheck-missing', {
  valid: [
    { name: 'a HEALTHCHECK in the final stage', path: 'Dockerfile', code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'HEALTHCHECK NONE is an explicit decision', path: 'Dockerfile', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the stage it builds on', path: 'Dockerfile', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD true\nFROM base\nCOPY site /usr/share/nginx/html\n' },
    { name: 'recommended profile: off', path: 'Dockerfile', code: 'FROM nginx:1.27\n', config: { profile: 'recommended' } },
    { name: 'an empty Dockerfile', path: 'Dockerfile', code: '# nothing yet\n' },
    { name: 'compose healthcheck', path: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n' },
    { name: 'compose: disable: true is an explicit decision', path: 'compose.yaml', code: 'services:\n  job:\n    image: alpine:3.20\n    healthcheck:\n      disable: true\n' },
    { name: 'compose: inherited through a merge key', path: 'compose.yaml', code: 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  web:\n    <<: *hc\n    image: nginx:1.27\n' },
    { name: 'compose: through extends in the same file', path: 'compose.yaml', code: 'services:\n  base:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "true"]\n  web:\n    extends: base\n' },
    { name: 'compose: extends another file we cannot see', path: 'compose.yaml', code: 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: web\n' },
  ],
  invalid: [
    {
      name: 'no HEALTHCHECK: anchored on the final FROM',
      path: 'Dockerfile',
      code: 'FROM golang:1.23 AS build\nHEALTHCHECK CMD true\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n',
      errors: [{ line: 3, column: 1, severity: 'info', message: 'no HEALTHCHECK' }],
      output: null,
    },
    { name: 'ARG-based final FROM', path: 'Dockerfile', code: 'ARG BASE=nginx:1.27\nFROM ${BASE}\nUSER 10001\n', errors: [{ line: 2, column: 1 }] },
    {
      name: 'compose service without healthcheck, anchored on its key',
      path: 'docker-compose.yml',
      code: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
      errors: [{ line: 2, column: 3, endColumn: 6, severity: 'info', message: '"web"' }],
      output: null,
    },
    { name: 'compose: extends a service without one', path: 'compose.yaml', code: 'services:\n  base:\n    image: nginx:1.27\n  web:\n    extends:\n      service: base\n', errors: [{ line: 2, column: 3 }, { line: 4, column: 3 }] },
  ],
});
