import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';

ruleTester('package-upgrade', {
  valid: [
    { name: 'apt-get update only refreshes the index', path: D, code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=8.5.0-2\n' },
    { name: 'apk update', path: D, code: 'FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r0\n' },
    { name: 'yum update of one named package', path: D, code: 'FROM centos:7\nRUN yum update -y openssl\n' },
    { name: 'apk upgrade of a named package', path: D, code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache libcrypto3\n' },
    { name: 'apt-get install --only-upgrade', path: D, code: 'FROM debian:12\nRUN apt-get install --only-upgrade -y openssl\n' },
    { name: 'the word in a string', path: D, code: 'FROM debian:12\nRUN echo "run apt-get upgrade later"\n' },
    { name: 'pip install --upgrade is not a system upgrade', path: D, code: 'FROM python:3.12\nRUN pip install --upgrade pip==24.2\n' },
  ],
  invalid: [
    { name: 'apt-get upgrade', path: D, code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n', errors: [{ line: 2, column: 23, endColumn: 38, severity: 'info', message: 'apt-get upgrade upgrades every package' }], output: null },
    { name: 'apt-get -y dist-upgrade', path: D, code: 'FROM debian:12\nRUN apt-get -y dist-upgrade\n', errors: [{ line: 2, column: 5 }] },
    { name: 'apt full-upgrade', path: D, code: 'FROM ubuntu:24.04\nRUN apt full-upgrade -y\n', errors: [{ line: 2, column: 5 }] },
    { name: 'apk upgrade', path: D, code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
    { name: 'yum update -y', path: D, code: 'FROM centos:7\nRUN yum update -y && yum clean all\n', errors: [{ line: 2, column: 5 }] },
    { name: 'dnf upgrade', path: D, code: 'FROM fedora:40\nRUN dnf -y upgrade\n', errors: [{ line: 2, column: 5 }] },
    { name: 'zypper dup', path: D, code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive dup\n', errors: [{ line: 2, column: 5 }] },
    { name: 'sudo apt-get upgrade on a continued line', path: D, code: 'FROM debian:12\nRUN apt-get update \\\n && sudo apt-get upgrade -y\n', errors: [{ line: 3, column: 10 }] },
  ],
});
