import { fake } from '../helpers/fake-secrets';
import { ruleTester } from '../helpers/rule-tester';

const sha = 'a'.repeat(64);
const commit = '0123456789abcdef0123456789abcdef01234567';

ruleTester('add-remote-url', {
  valid: [
    { name: 'ADD with --checksum', path: 'Dockerfile', code: `FROM alpine:3.20\nADD --checksum=sha256:${sha} https://example.com/tool.tar.gz /opt/\n` },
    { name: 'ADD of a local file', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD app.tar.gz /opt/\n' },
    { name: 'COPY is never remote', path: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY https-notes.txt /opt/\n' },
    { name: 'git pinned to a commit', path: 'Dockerfile', code: `FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#${commit} /src\n` },
    { name: 'scp-like git pinned to a commit', path: 'Dockerfile', code: `FROM alpine:3.20\nADD git@github.com:moby/buildkit.git#${commit} /src\n` },
    { name: 'a URL in a comment inside a continued ADD', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD \\\n  # from https://example.com/a.txt\n  a.txt /a.txt\n' },
    { name: 'ADD from an ARG without default', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG URL\nADD ${URL} /opt/\n' },
    { name: 'a here-document', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nsee https://example.com\nEOF\n' },
  ],
  invalid: [
    {
      name: 'ADD https without checksum',
      path: 'Dockerfile',
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n',
      errors: [{ line: 2, column: 5, endColumn: 36, severity: 'warning', message: 'without --checksum' }],
      output: null,
    },
    { name: 'lower-case add with http', path: 'Dockerfile', code: 'FROM alpine:3.20\nadd --chown=1:1 http://example.com/a /a\n', errors: [{ line: 2, column: 17 }] },
    { name: 'JSON form', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD ["https://example.com/a", "/a"]\n', errors: [{ line: 2, column: 6 }] },
    { name: 'git over ssh, unpinned', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git#v0.10.1 /src\n', errors: [{ line: 2, column: 5, message: 'Pin a commit' }] },
    { name: 'https git repository on a branch', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#main /src\n', errors: [{ line: 2, column: 5, message: 'Pin a commit' }] },
    { name: 'URL from an ARG default', path: 'Dockerfile', code: 'ARG URL=https://example.com/a.tgz\nFROM alpine:3.20\nARG URL\nADD ${URL} /a\n', errors: [{ line: 4, column: 5 }] },
    {
      name: 'line continuation with a comment and the escape directive',
      path: 'Dockerfile',
      code: '# escape=`\nFROM alpine:3.20\nADD `\n  # the tool `\n  https://example.com/tool `\n  /opt/tool\n',
      errors: [{ line: 5, column: 3 }],
    },
    { name: 'two remote sources', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD https://a.example/x https://b.example/y /opt/\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 25 }] },
    {
      name: 'user info is not repeated in the message',
      path: 'Dockerfile',
      code: `FROM alpine:3.20\nADD https://bob:${fake.password()}@example.com/a /a\n`,
      errors: [{ line: 2, column: 5, message: '"https://example.com/a"' }],
    },
  ],
});
