import { ruleTester } from '../helpers/rule-tester';

ruleTester('secret-file-copied', {
  valid: [
    { name: 'the whole context is copy-whole-context, not this rule', path: 'Dockerfile', code: 'FROM node:22\nCOPY . .\n' },
    { name: 'ordinary files', path: 'Dockerfile', code: 'FROM node:22\nCOPY package.json package-lock.json ./\nCOPY src/ ./src/\n' },
    { name: 'a public key', path: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n' },
    { name: 'certificates are public', path: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY ca.pem fullchain.pem corp-root-ca.pem /usr/local/share/ca-certificates/\n' },
    { name: 'an apt signing key', path: 'Dockerfile', code: 'FROM debian:12\nCOPY nodesource.gpg.key /etc/apt/keyrings/\n' },
    { name: 'an env template', path: 'Dockerfile', code: 'FROM node:22\nCOPY .env.example ./\n' },
    { name: 'names that only look alike', path: 'Dockerfile', code: 'FROM node:22\nCOPY environment.ts keys.json monkey.txt ./\n' },
    { name: 'an ARG without default', path: 'Dockerfile', code: 'FROM node:22\nARG FILE\nCOPY ${FILE} ./\n' },
    { name: 'a here-document named .env', path: 'Dockerfile', code: 'FROM node:22\nCOPY <<EOF .env\nNODE_ENV=production\nEOF\n' },
  ],
  invalid: [
    { name: 'COPY .env', path: 'Dockerfile', code: 'FROM node:22\nCOPY .env ./\n', errors: [{ line: 2, column: 6, endColumn: 10, severity: 'warning', message: '".env"' }], output: null },
    { name: 'a nested .env.production', path: 'Dockerfile', code: 'FROM node:22\nCOPY config/.env.production ./\n', errors: [{ line: 2, column: 6 }] },
    { name: 'an SSH key, JSON form', path: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY ["id_ed25519", "/root/.ssh/"]\n', errors: [{ line: 2, column: 7 }] },
    { name: 'ADD of a private key', path: 'Dockerfile', code: 'FROM alpine:3.20\nADD --chmod=600 certs/server.key /etc/ssl/private/\n', errors: [{ line: 2, column: 17 }] },
    { name: 'a CA private key, even named ca', path: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY ca-key.pem ca.key /pki/\n', errors: [{ line: 2, column: 6 }, { line: 2, column: 17 }] },
    { name: 'package manager credentials', path: 'Dockerfile', code: 'FROM node:22\nCOPY .npmrc .pypirc .netrc .git-credentials ./\n', errors: [{ line: 2, column: 6 }, { line: 2, column: 13 }, { line: 2, column: 21 }, { line: 2, column: 28 }] },
    { name: 'cloud and registry credentials by path', path: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY .aws/credentials /root/.aws/credentials\nCOPY home/.docker/config.json /root/.docker/\n', errors: [{ line: 2, column: 6 }, { line: 3, column: 6 }] },
    { name: 'kubeconfig and a whole .ssh directory', path: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY kubeconfig /root/.kube/config\nCOPY .ssh/ /root/.ssh/\n', errors: [{ line: 2, column: 6 }, { line: 3, column: 6 }] },
    { name: 'a keystore and a wildcard of keys', path: 'Dockerfile', code: 'FROM eclipse-temurin:21\nCOPY keystore.p12 *.pem /app/\n', errors: [{ line: 2, column: 6 }, { line: 2, column: 19 }] },
    { name: 'copied from another stage into the final image', path: 'Dockerfile', code: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app/.npmrc /app/\n', errors: [{ line: 4, column: 19 }] },
    { name: 'through an ARG default, on a continued line', path: 'Dockerfile', code: 'FROM node:22\nARG ENV_FILE=.env\nCOPY \\\n  ${ENV_FILE} \\\n  ./\n', errors: [{ line: 4, column: 3 }] },
  ],
});
