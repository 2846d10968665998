import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';

ruleTester('package-versions-unpinned', {
  valid: [
    { name: 'apt-get pinned', path: D, code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2 ca-certificates=20230311\n' },
    { name: 'apt-get pinned through an ARG', path: D, code: 'FROM debian:12\nARG CURL_VERSION=8.5.0-2\nRUN apt-get install -y curl=${CURL_VERSION}\n' },
    { name: 'apt-get local .deb (DL3008 false positive)', path: D, code: 'FROM debian:12\nRUN apt-get install -y ./tool_1.0_amd64.deb\n' },
    { name: 'apt-get packages from a variable', path: D, code: 'FROM debian:12\nARG PACKAGES\nRUN apt-get install -y $PACKAGES\n' },
    { name: 'apt-get -f install (no packages)', path: D, code: 'FROM debian:12\nRUN apt-get -f install -y\n' },
    { name: 'apt-get -o option value is not a package', path: D, code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y curl=8.5.0-2\n' },
    { name: 'apk pinned with = and ~', path: D, code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 "bash~5.2"\n' },
    { name: 'apk --virtual name', path: D, code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n' },
    { name: 'pip requirements file (DL3013 false positive)', path: D, code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'pip install . and -e .', path: D, code: 'FROM python:3.12\nRUN pip install . && pip install -e ./lib\n' },
    { name: 'pip pinned with extras and ranges', path: D, code: 'FROM python:3.12\nRUN pip install "uvicorn[standard]==0.30.6" "django>=5,<6" ./dist/app-1.0-py3-none-any.whl\n' },
    { name: 'pip upgrading itself', path: D, code: 'FROM python:3.12\nRUN pip install --upgrade pip\n' },
    { name: 'python -m pip pinned', path: D, code: 'FROM python:3.12\nRUN python3 -m pip install requests==2.32.3\n' },
    { name: 'npm project install uses the lockfile', path: D, code: 'FROM node:22\nRUN npm install express\n' },
    { name: 'npm -g pinned (scoped too)', path: D, code: 'FROM node:22\nRUN npm install -g typescript@5.6.3 @angular/cli@18.2.1\n' },
    { name: 'gem with -v', path: D, code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.18\n' },
    { name: 'gem name:version', path: D, code: 'FROM ruby:3.3\nRUN gem install rails:7.2.1\n' },
    { name: 'dnf name-version and a group', path: D, code: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 @development-tools\n' },
    { name: 'an install command in a string', path: D, code: 'FROM debian:12\nRUN echo "apt-get install -y curl"\n' },
  ],
  invalid: [
    {
      name: 'apt-get install',
      path: D,
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0 wget\n',
      errors: [{ line: 2, column: 66, endColumn: 70, severity: 'info', message: 'installs curl, wget without a version' }],
      output: null,
    },
    { name: 'apt install on a continued line', path: D, code: 'FROM ubuntu:24.04\nRUN apt update \\\n && apt install -y \\\n      curl\n', errors: [{ line: 4, column: 7 }] },
    { name: 'apk add', path: D, code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', errors: [{ line: 2, column: 24, message: 'apk add installs curl' }] },
    { name: 'pip install', path: D, code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask requests==2.32.3\n', errors: [{ line: 2, column: 32, message: 'installs flask without' }] },
    { name: 'pip3 after -r', path: D, code: 'FROM python:3.12\nRUN pip3 install -r requirements.txt gunicorn\n', errors: [{ line: 2, column: 38 }] },
    { name: 'npm -g', path: D, code: 'FROM node:22\nRUN npm install -g pnpm\n', errors: [{ line: 2, column: 20 }] },
    { name: 'npm -g @latest', path: D, code: 'FROM node:22\nRUN npm i --global npm@latest\n', errors: [{ line: 2, column: 20 }] },
    { name: 'gem install', path: D, code: 'FROM ruby:3.3\nRUN gem install bundler\n', errors: [{ line: 2, column: 17 }] },
    { name: 'dnf install', path: D, code: 'FROM fedora:40\nRUN dnf install -y httpd\n', errors: [{ line: 2, column: 20 }] },
    { name: 'yum install', path: D, code: 'FROM centos:7\nRUN yum -y install epel-release\n', errors: [{ line: 2, column: 20 }] },
    { name: 'many packages: one finding', path: D, code: 'FROM debian:12\nRUN apt-get install -y a b c d e\n', errors: [{ line: 2, column: 24, message: 'a, b, c and 2 more' }] },
  ],
});
