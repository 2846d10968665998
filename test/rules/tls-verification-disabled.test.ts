import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';
const pod = (env: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: app\n      image: x:1\n      env:\n${env}`;

ruleTester('tls-verification-disabled', {
  valid: [
    { name: 'curl -fsSL', path: D, code: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz -o a.tgz\n' },
    { name: 'curl -o k (k is the file name)', path: D, code: 'FROM debian:12\nRUN curl -sSLo k https://x/k\n' },
    { name: '-k of another command', path: D, code: 'FROM debian:12\nRUN sort -k 2 /x > /y\n' },
    { name: 'the flag in a string', path: D, code: 'FROM debian:12\nRUN echo "never curl --insecure"\n' },
    { name: 'curl -k in a HEALTHCHECK against localhost is not a build download', path: D, code: 'FROM debian:12\nHEALTHCHECK CMD curl -fk https://localhost:8443/health || exit 1\n' },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED=1', path: D, code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { name: 'ARG without default', path: D, code: 'FROM node:22\nARG GIT_SSL_NO_VERIFY\n' },
    { name: 'git sslVerify true', path: D, code: 'FROM debian:12\nRUN git -c http.sslVerify=true clone https://x/r.git\n' },
    { name: 'pip with a CA bundle', path: D, code: 'FROM python:3.12\nRUN pip install --cert /etc/ssl/ca.pem requests==2.32.3\n' },
    { name: 'compose value from the environment', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: ${NODE_TLS_REJECT_UNAUTHORIZED}\n' },
    { name: 'k8s other env', path: 'p.yaml', code: pod('        - name: NODE_ENV\n          value: "0"\n') },
  ],
  invalid: [
    {
      name: 'curl --insecure',
      path: D,
      code: 'FROM debian:12\nRUN curl --insecure -fsSL https://x/a.tgz -o a.tgz\n',
      errors: [{ line: 2, column: 10, endColumn: 20, severity: 'warning', message: 'curl --insecure turns off TLS' }],
      output: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz -o a.tgz\n',
      safe: false,
    },
    { name: 'curl -fsSLk: only the letter goes', path: D, code: 'FROM debian:12\nRUN curl -fsSLk https://x -o a\n', errors: [{ line: 2, column: 10 }], output: 'FROM debian:12\nRUN curl -fsSL https://x -o a\n' },
    { name: 'curl -k alone at the end', path: D, code: 'FROM debian:12\nRUN curl https://x -o a -k\n', errors: [{ line: 2, column: 25 }], output: 'FROM debian:12\nRUN curl https://x -o a\n' },
    { name: 'wget --no-check-certificate', path: D, code: 'FROM debian:12\nRUN wget --no-check-certificate https://x/a.tgz\n', errors: [{ line: 2, column: 10 }], output: 'FROM debian:12\nRUN wget https://x/a.tgz\n' },
    { name: 'pip --trusted-host host', path: D, code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.org requests==2.32.3\n', errors: [{ line: 2, column: 17, endColumn: 40 }], output: 'FROM python:3.12\nRUN pip install requests==2.32.3\n' },
    { name: 'npm config set strict-ssl false: no fix', path: D, code: 'FROM node:22\nRUN npm config set strict-ssl false && npm ci\n', errors: [{ line: 2, column: 20 }], output: null },
    { name: 'yarn config set strict-ssl false', path: D, code: 'FROM node:22\nRUN yarn config set strict-ssl false\n', errors: [{ line: 2, column: 21 }] },
    { name: 'git -c http.sslVerify=false', path: D, code: 'FROM debian:12\nRUN git -c http.sslVerify=false clone https://x/r.git\n', errors: [{ line: 2, column: 9 }], output: 'FROM debian:12\nRUN git clone https://x/r.git\n' },
    { name: 'git config --global http.sslVerify false', path: D, code: 'FROM debian:12\nRUN git config --global http.sslVerify false\n', errors: [{ line: 2, column: 25 }] },
    { name: 'env assignment in RUN', path: D, code: 'FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n', errors: [{ line: 2, column: 5, endColumn: 33 }] },
    { name: 'export in RUN', path: D, code: 'FROM node:22\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n', errors: [{ line: 2, column: 12 }] },
    { name: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0', path: D, code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', errors: [{ line: 2, column: 5 }], output: null },
    { name: 'ENV PYTHONHTTPSVERIFY 0 (legacy form)', path: D, code: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY 0\n', errors: [{ line: 2, column: 5 }] },
    { name: 'ARG GIT_SSL_NO_VERIFY=1', path: D, code: 'FROM debian:12\nARG GIT_SSL_NO_VERIFY=1\n', errors: [{ line: 2, column: 5 }] },
    { name: 'ENV PIP_TRUSTED_HOST', path: D, code: 'FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.org\n', errors: [{ line: 2, column: 5 }] },
    { name: 'compose environment map', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n', errors: [{ line: 4, column: 7 }] },
    { name: 'compose environment list', path: 'compose.yaml', code: 'services:\n  a:\n    environment:\n      - NPM_CONFIG_STRICT_SSL=false\n', errors: [{ line: 4, column: 9 }] },
    { name: 'k8s env', path: 'p.yaml', code: pod('        - name: NODE_TLS_REJECT_UNAUTHORIZED\n          value: "0"\n'), errors: [{ line: 10, column: 17 }] },
  ],
});
