import { ruleTester } from '../helpers/rule-tester';

ruleTester('build-insecure-entitlement', {
  valid: [
    { name: 'RUN without flags', path: 'Dockerfile', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'sandboxed and default networks', path: 'Dockerfile', code: 'FROM alpine:3.20\nRUN --security=sandbox --network=none make\nRUN --network=default make\n' },
    { name: 'a mount flag', path: 'Dockerfile', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache make\n' },
    { name: 'the words inside the command', path: 'Dockerfile', code: 'FROM alpine:3.20\nRUN echo --network=host --security=insecure\n' },
    { name: 'an ARG without default', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG NET\nRUN --network=${NET} make\n' },
  ],
  invalid: [
    {
      name: '--security=insecure',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN --security=insecure make install\n',
      errors: [{ line: 2, column: 5, endColumn: 24, severity: 'warning', message: 'security.insecure' }],
      output: 'FROM alpine:3.20\nRUN make install\n',
      safe: false,
    },
    {
      name: '--network=host after another flag',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/c --network=host make\n',
      errors: [{ line: 2, column: 34 }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/c make\n',
    },
    {
      name: 'both flags: one finding each',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN --network=host --security=insecure make\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 20 }],
      output: 'FROM alpine:3.20\nRUN --security=insecure make\n',
    },
    {
      name: 'a flag alone on a continued line takes the line',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN \\\n    --network=host \\\n    apk add curl\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM alpine:3.20\nRUN \\\n    apk add curl\n',
    },
    {
      name: 'escape directive and a comment in the continued RUN',
      path: 'Dockerfile',
      code: '# escape=`\nFROM alpine:3.20\nRUN `\n  --network=host `\n  # fetch `\n  wget -q https://example.com/\n',
      errors: [{ line: 4, column: 3 }],
      output: '# escape=`\nFROM alpine:3.20\nRUN `\n  # fetch `\n  wget -q https://example.com/\n',
    },
    {
      name: 'flag followed by a continuation on the RUN line',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN --network=host \\\n  make\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM alpine:3.20\nRUN \\\n  make\n',
    },
    {
      name: 'exec form and an ARG default',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nARG NET=host\nRUN --network=$NET ["make"]\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM alpine:3.20\nARG NET=host\nRUN ["make"]\n',
    },
  ],
});
