import { ruleTester } from '../helpers/rule-tester';

const pod = (podSc: string, containerSc: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podSc}  containers:\n    - name: app\n      image: nginx:1.27\n${containerSc}`;

ruleTester('user-root', {
  valid: [
    { name: 'numeric non-root user', path: 'Dockerfile', code: 'FROM node:22\nUSER 10001:10001\n' },
    { name: 'root in a build stage only', path: 'Dockerfile', code: 'FROM node:22 AS build\nUSER root\nRUN make\nFROM node:22-slim\nUSER node\n' },
    { name: 'root then back to non-root', path: 'Dockerfile', code: 'FROM node:22\nUSER root\nRUN apt-get update\nUSER 10001\n' },
    { name: 'a user named rooter', path: 'Dockerfile', code: 'FROM node:22\nUSER rooter\n' },
    { name: 'compose non-root', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "1000:0"\n' },
    { name: 'container overrides pod root', path: 'pod.yaml', code: pod('  securityContext:\n    runAsUser: 0\n', '      securityContext:\n        runAsUser: 1000\n') },
    { name: 'runAsUser 10', path: 'pod.yaml', code: pod('', '      securityContext: {runAsUser: 10}\n') },
  ],
  invalid: [
    {
      name: 'USER root in the final stage',
      path: 'Dockerfile',
      code: 'FROM node:22\nUSER root\nCMD ["node"]\n',
      errors: [{ line: 2, column: 6, endColumn: 10, severity: 'warning' }],
      output: 'FROM node:22\nUSER 10001:10001\nCMD ["node"]\n',
      safe: false,
    },
    { name: 'USER 0:0', path: 'Dockerfile', code: 'FROM node:22\nUSER 0:0\n', errors: [{ line: 2, column: 6 }] },
    { name: 'root:root', path: 'Dockerfile', code: 'FROM node:22\nUSER root:root\n', errors: [{ line: 2, column: 6 }] },
    { name: 'root inherited from a parent stage', path: 'Dockerfile', code: 'FROM node:22 AS base\nUSER root\nFROM base\nCMD ["x"]\n', errors: [{ line: 2, column: 6 }] },
    { name: 'USER from an ARG default', path: 'Dockerfile', code: 'FROM node:22\nARG U=root\nUSER $U\n', errors: [{ line: 3, column: 6, message: '"root"' }] },
    {
      name: 'compose user root',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    user: root\n',
      errors: [{ line: 4, column: 5, endColumn: 15 }],
      output: 'services:\n  a:\n    image: x:1\n    user: "10001:10001"\n',
    },
    { name: 'compose user 0:0', path: 'compose.yaml', code: 'services:\n  a:\n    user: "0:0"\n', errors: [{ line: 3, column: 5 }] },
    {
      name: 'k8s container runAsUser 0',
      path: 'pod.yaml',
      code: pod('', '      securityContext:\n        runAsUser: 0\n'),
      errors: [{ line: 10, column: 9, severity: 'error' }],
      output: pod('', '      securityContext:\n        runAsUser: 10001\n'),
    },
    {
      name: 'k8s pod-level runAsUser 0 reported once per container',
      path: 'pod.yaml',
      code: pod('  securityContext:\n    runAsUser: 0\n', '    - name: sidecar\n      image: envoy:1.31\n'),
      errors: [{ line: 7, column: 5, message: 'container "app"' }, { line: 7, column: 5, message: 'container "sidecar"' }],
    },
  ],
});
