import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';

ruleTester('curl-pipe-shell', {
  valid: [
    { name: 'the pipe is inside a string', path: D, code: 'FROM debian:12\nRUN echo "curl -fsSL https://x.sh | sh"\n' },
    { name: 'curl piped into tee, not a shell', path: D, code: 'FROM debian:12\nRUN curl -fsSL https://x/key.asc | tee /etc/apt/keyrings/x.asc\n' },
    { name: 'curl piped into tar', path: D, code: 'FROM debian:12\nRUN curl -fsSL https://x/app.tgz | tar -xz -C /opt\n' },
    { name: 'curl piped into gpg', path: D, code: 'FROM debian:12\nRUN curl -fsSL https://x/key | gpg --dearmor -o /usr/share/keyrings/x.gpg\n' },
    { name: 'python reads JSON from stdin with -c', path: D, code: 'FROM python:3.12\nRUN curl -s https://api/x.json | python3 -c "import json,sys; print(json.load(sys.stdin))"\n' },
    { name: 'python -m json.tool', path: D, code: 'FROM python:3.12\nRUN curl -s https://api/x.json | python3 -m json.tool\n' },
    { name: 'curl writes to a file (-o)', path: D, code: 'FROM debian:12\nRUN curl -fsSLo install.sh https://x/install.sh | sh\n' },
    { name: 'wget without -O - writes a file', path: D, code: 'FROM debian:12\nRUN wget -q https://x/install.sh | sh\n' },
    { name: 'download, verify, then run', path: D, code: 'FROM debian:12\nRUN curl -fsSLo i.sh https://x/i.sh \\\n && echo "abc  i.sh" | sha256sum -c - \\\n && sh i.sh\n' },
    { name: 'sh -c with a literal script', path: D, code: 'FROM debian:12\nRUN sh -c "echo $(curl -s https://x/version) > /v"\n' },
    { name: 'a comment line inside a continuation', path: D, code: 'FROM debian:12\nRUN apt-get update \\\n  # curl https://x | sh\n  && apt-get install -y curl=8.5.0-2\n' },
    { name: 'PowerShell SHELL is not analysed', path: D, code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["pwsh", "-Command"]\nRUN iwr https://x | iex\n' },
    { name: 'heredoc with a python interpreter', path: D, code: 'FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nprint("curl x | sh")\nEOF\n' },
    { name: 'curl | sh in a data heredoc', path: D, code: 'FROM debian:12\nRUN cat <<EOF > /usr/local/bin/doc.txt\ncurl x | sh\nEOF\n' },
  ],
  invalid: [
    { name: 'curl | sh', path: D, code: 'FROM debian:12\nRUN curl -fsSL https://get.x.io | sh\n', errors: [{ line: 2, column: 5, endColumn: 37, severity: 'warning', message: 'curl output is piped into sh' }], output: null },
    { name: 'wget -qO- | bash', path: D, code: 'FROM debian:12\nRUN wget -qO- https://x/i.sh | bash\n', errors: [{ line: 2, column: 5, message: 'wget output is piped into bash' }] },
    { name: 'wget -O - | sudo -E bash -', path: D, code: 'FROM debian:12\nRUN wget -O - https://x/i.sh | sudo -E bash -\n', errors: [{ line: 2, column: 5, message: 'piped into bash' }] },
    { name: 'curl | bash -s -- args', path: D, code: 'FROM debian:12\nRUN curl -sL https://x/i.sh | bash -s -- --version 1.2\n', errors: [{ line: 2, column: 5 }] },
    { name: 'curl | tee log | sh', path: D, code: 'FROM debian:12\nRUN curl -sL https://x/i.sh | tee /tmp/i.sh | sh\n', errors: [{ line: 2, column: 5 }] },
    { name: 'curl | python3', path: D, code: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n', errors: [{ line: 2, column: 5, message: 'into python3' }] },
    { name: 'sh -c "$(curl …)"', path: D, code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x/install.sh)"\n', errors: [{ line: 2, column: 5, message: 'sh runs a script fetched by curl' }] },
    { name: 'bash <(curl …)', path: D, code: 'FROM debian:12\nRUN bash <(curl -s https://x/i.sh)\n', errors: [{ line: 2, column: 5 }] },
    { name: 'eval "$(curl …)"', path: D, code: 'FROM debian:12\nRUN eval "$(curl -s https://x/env)"\n', errors: [{ line: 2, column: 5, message: 'eval runs' }] },
    {
      name: 'in a continued RUN after a comment line, exact position',
      path: D,
      code: 'FROM debian:12\nRUN apt-get update \\\n  # install the tool\n  && curl -fsSL https://x/i.sh \\\n     | sh\n',
      errors: [{ line: 4, column: 6, endLine: 5, endColumn: 10 }],
    },
    { name: 'escape=` continuation', path: D, code: '# escape=`\nFROM debian:12\nRUN curl -fsSL https://x/i.sh `\n  | sh\n', errors: [{ line: 3, column: 5, endLine: 4, endColumn: 7 }] },
    { name: 'CRLF line ends', path: D, code: 'FROM debian:12\r\nRUN apt-get update \\\r\n  && curl -fsSL https://x/i.sh | sh\r\n', errors: [{ line: 3, column: 6, endColumn: 36 }] },
    { name: 'RUN <<EOF script', path: D, code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://x/i.sh | sh\nEOF\n', errors: [{ line: 4, column: 1, endColumn: 31 }] },
    { name: 'bash <<EOF script', path: D, code: 'FROM debian:12\nRUN bash <<EOF\ncurl -fsSL https://x/i.sh | sh\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'RUN --mount flags before the command', path: D, code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache curl -fsSL https://x/i.sh | sh\n', errors: [{ line: 2, column: 42 }] },
    { name: 'exec form with sh -c', path: D, code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "curl -fsSL https://x/i.sh | sh"]\n', errors: [{ line: 2, column: 24, endColumn: 54 }] },
    { name: 'in CMD', path: D, code: 'FROM debian:12\nCMD curl -fsSL https://x/start.sh | bash\n', errors: [{ line: 2, column: 5 }] },
    { name: 'two stages, second one', path: D, code: 'FROM debian:12 AS build\nRUN make\nFROM build\nRUN curl -fsSL https://x/i.sh | sh\n', errors: [{ line: 4, column: 5 }] },
  ],
});
