import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';

ruleTester('package-signature-bypass', {
  valid: [
    { name: 'the flag in a string', path: D, code: 'FROM alpine:3.20\nRUN echo "never use --allow-untrusted" > /NOTES\n' },
    { name: 'apk with a key', path: D, code: 'FROM alpine:3.20\nRUN apk add --no-cache --keys-dir /keys my-pkg=1.0-r0\n' },
    { name: 'apt-get install -y', path: D, code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=8.5.0-2\n' },
    { name: 'dnf with gpgcheck on', path: D, code: 'FROM fedora:40\nRUN dnf install -y --setopt=gpgcheck=1 httpd-2.4.62\n' },
    { name: 'rpm --import of a key', path: D, code: 'FROM fedora:40\nRUN rpm --import https://x/key.asc && rpm -i x.rpm\n' },
    { name: 'flag of another command', path: D, code: 'FROM debian:12\nRUN mytool --force-yes\n' },
  ],
  invalid: [
    {
      name: 'apk --allow-untrusted',
      path: D,
      code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk\n',
      errors: [{ line: 2, column: 13, endColumn: 30, severity: 'error', message: 'apk --allow-untrusted installs packages without verifying' }],
      output: 'FROM alpine:3.20\nRUN apk add /tmp/x.apk\n',
      safe: false,
    },
    {
      name: 'apt-get --allow-unauthenticated at the end',
      path: D,
      code: 'FROM debian:12\nRUN apt-get install -y curl --allow-unauthenticated\n',
      errors: [{ line: 2, column: 29 }],
      output: 'FROM debian:12\nRUN apt-get install -y curl\n',
    },
    {
      name: 'apt-get --force-yes on a continued line',
      path: D,
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n    --force-yes \\\n    curl\n',
      errors: [{ line: 4, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n    curl\n',
    },
    {
      name: 'apt -o APT::Get::AllowUnauthenticated=true',
      path: D,
      code: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x\n',
      errors: [{ line: 2, column: 13, endColumn: 51 }],
      output: 'FROM debian:12\nRUN apt-get install -y x\n',
    },
    { name: 'yum --nogpgcheck', path: D, code: 'FROM centos:7\nRUN yum install -y --nogpgcheck x\n', errors: [{ line: 2, column: 20 }], output: 'FROM centos:7\nRUN yum install -y x\n' },
    { name: 'dnf --setopt=gpgcheck=0', path: D, code: 'FROM fedora:40\nRUN dnf install -y --setopt=gpgcheck=0 x\n', errors: [{ line: 2, column: 20 }] },
    { name: 'microdnf behind sudo', path: D, code: 'FROM ubi9/ubi-micro\nRUN sudo microdnf install --nogpgcheck x\n', errors: [{ line: 2, column: 27 }] },
    { name: 'rpm --nosignature and --nodigest', path: D, code: 'FROM fedora:40\nRUN rpm -i --nosignature --nodigest x.rpm\n', errors: [{ line: 2, column: 12 }, { line: 2, column: 26 }], output: 'FROM fedora:40\nRUN rpm -i --nodigest x.rpm\n' },
    { name: 'exec form: reported, no fix', path: D, code: 'FROM alpine:3.20\nRUN ["apk", "add", "--allow-untrusted", "x.apk"]\n', errors: [{ line: 2, column: 20 }], output: null },
  ],
});
