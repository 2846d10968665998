import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';
const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTester('pipefail-missing', {
  valid: [
    { name: 'SHELL with -o pipefail', path: D, code: `FROM debian:12\n${BASH}\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n` },
    { name: 'SHELL with -euxo pipefail', path: D, code: 'FROM debian:12\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n' },
    { name: 'set -o pipefail first', path: D, code: 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n' },
    { name: 'set -eux -o pipefail; on a continued line', path: D, code: 'FROM alpine:3.20\nRUN set -eux -o pipefail; \\\n    wget -qO- https://x/a.tgz | tar -xz\n' },
    { name: 'SHELL set in the stage built on (hadolint misses this)', path: D, code: `FROM debian:12 AS base\n${BASH}\nFROM base\nRUN curl -fsSL https://x | tar -xz\n` },
    { name: 'the pipe is in a string', path: D, code: 'FROM debian:12\nRUN echo "a | b" > /x\n' },
    { name: '|| is not a pipe', path: D, code: 'FROM debian:12\nRUN make || true\n' },
    { name: 'literal echo into tee cannot fail', path: D, code: 'FROM debian:12\nRUN echo "deb http://x stable main" | tee /etc/apt/sources.list.d/x.list\n' },
    { name: 'PowerShell SHELL', path: D, code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'exec form has no shell', path: D, code: 'FROM debian:12\nRUN ["tool", "a|b"]\n' },
    { name: 'pipe in CMD is not a build step', path: D, code: 'FROM debian:12\nCMD server | tee /log\n' },
    { name: 'pipe in a python heredoc', path: D, code: 'FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF\n' },
  ],
  invalid: [
    {
      name: 'curl | gpg on debian: bash fix',
      path: D,
      code: 'FROM debian:12\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n',
      errors: [{ line: 2, column: 5, endColumn: 55, severity: 'info', message: 'hides failures' }],
      output: `FROM debian:12\n${BASH}\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n`,
      safe: false,
    },
    {
      name: 'alpine: ash fix',
      path: D,
      code: 'FROM node:22-alpine\nRUN wget -qO- https://x/a.tgz | tar -xz\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node:22-alpine\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x/a.tgz | tar -xz\n',
    },
    {
      name: 'SHELL without pipefail',
      path: D,
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n',
      errors: [{ line: 3, column: 5 }],
      output: `FROM debian:12\nSHELL ["/bin/bash", "-c"]\n${BASH}\nRUN a | b\n`,
    },
    { name: 'set -o pipefail after the pipe', path: D, code: 'FROM debian:12\nRUN a | b && set -o pipefail\n', errors: [{ line: 2, column: 5 }] },
    { name: 'pipe on a continued line after a comment', path: D, code: 'FROM debian:12\nRUN apt-get update \\\n  # get the key\n  && curl -s https://x | apt-key add -\n', errors: [{ line: 4, column: 6 }] },
    { name: 'echo of a variable can be empty: still reported', path: D, code: 'FROM debian:12\nRUN echo "$(cat /v)" | tee /w\n', errors: [{ line: 2, column: 5 }] },
    {
      name: 'two RUNs in one stage share one SHELL before the first',
      path: D,
      code: 'FROM debian:12\nRUN a | b\nRUN c | d\n',
      errors: [{ line: 2, column: 5 }, { line: 3, column: 5 }],
      output: `FROM debian:12\n${BASH}\nRUN a | b\nRUN c | d\n`,
    },
    { name: 'RUN <<EOF script', path: D, code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -s https://x | tar -xz\nEOF\n', errors: [{ line: 4, column: 1 }] },
  ],
});
