import assert from 'node:assert/strict';
import { fixTitles, fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const svc = (ports: string) => `services:\n  web:\n    image: x:1\n    ports:\n${ports}`;

ruleTester('port-all-interfaces', {
  valid: [
    { name: 'loopback host IP', path: 'compose.yaml', code: svc('      - "127.0.0.1:8080:80"\n      - "[::1]:8443:443"\n      - 127.0.0.1::9000\n') },
    { name: 'a specific interface', path: 'compose.yaml', code: svc('      - "192.168.1.10:8080:80/udp"\n') },
    { name: 'interpolated host IP', path: 'compose.yaml', code: svc('      - "${BIND_IP:-0.0.0.0}:8080:80"\n      - "${PORTS}"\n') },
    { name: 'long syntax with host_ip', path: 'compose.yaml', code: svc('      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n') },
    { name: 'expose is not published', path: 'compose.yaml', code: 'services:\n  web:\n    image: x:1\n    expose: ["80"]\n' },
  ],
  invalid: [
    {
      name: 'host:container, info in recommended',
      path: 'compose.yaml',
      code: svc('      - "8080:80"\n'),
      config: { profile: 'recommended' },
      errors: [{ line: 5, column: 9, endColumn: 18, severity: 'info', message: 'host port 8080' }],
      output: svc('      - "127.0.0.1:8080:80"\n'),
      safe: false,
    },
    {
      name: 'warning in strict',
      path: 'compose.yaml',
      code: svc('      - "8080:80"\n'),
      errors: [{ line: 5, column: 9, severity: 'warning' }],
    },
    {
      name: 'a bare container port is published on a random host port on every interface',
      path: 'compose.yaml',
      code: svc('      - 80\n'),
      errors: [{ line: 5, column: 9, message: 'a random host port' }],
      output: svc('      - "127.0.0.1::80"\n'),
    },
    {
      name: '0.0.0.0 and :: are every interface; ranges and /udp kept',
      path: 'compose.yaml',
      code: svc("      - 0.0.0.0:8000-8010:8000-8010/udp\n      - '[::]:53:53/udp'\n      - ':::5353:5353'\n"),
      errors: [{ line: 5, column: 9, message: 'on 0.0.0.0' }, { line: 6, column: 9, message: 'on ::' }, { line: 7, column: 9 }],
      output: svc("      - \"127.0.0.1:8000-8010:8000-8010/udp\"\n      - '[::]:53:53/udp'\n      - ':::5353:5353'\n"),
    },
    {
      name: 'single quotes kept',
      path: 'compose.yaml',
      code: svc("      - '[::]:53:53/udp'\n"),
      errors: [{ line: 5, column: 9 }],
      output: svc("      - '127.0.0.1:53:53/udp'\n"),
    },
    {
      name: 'an interpolated host port still publishes on every interface',
      path: 'compose.yaml',
      code: svc('      - "${WEB_PORT:-8080}:80"\n'),
      errors: [{ line: 5, column: 9 }],
      output: svc('      - "127.0.0.1:${WEB_PORT:-8080}:80"\n'),
    },
    {
      name: 'long syntax without host_ip: inserted',
      path: 'compose.yaml',
      code: svc('      - target: 80\n        published: 8080\n        protocol: tcp\n'),
      errors: [{ line: 5, column: 9 }],
      output: svc('      - target: 80\n        published: 8080\n        protocol: tcp\n        host_ip: 127.0.0.1\n'),
    },
    {
      name: 'long syntax flow with host_ip 0.0.0.0: replaced',
      path: 'compose.yaml',
      code: svc('      - {target: 80, published: "8080", host_ip: 0.0.0.0}\n'),
      errors: [{ line: 5, column: 9 }],
      output: svc('      - {target: 80, published: "8080", host_ip: 127.0.0.1}\n'),
    },
    {
      name: 'inherited ports are judged per service at the anchor',
      path: 'compose.yaml',
      code: 'x-web: &web\n  ports: ["80:80"]\nservices:\n  a: {<<: *web}\n  b: {<<: *web}\n',
      errors: [{ line: 2, column: 11 }, { line: 2, column: 11 }],
      output: 'x-web: &web\n  ports: ["127.0.0.1:80:80"]\nservices:\n  a: {<<: *web}\n  b: {<<: *web}\n',
      safe: false,
    },
  ],
});

describe('port-all-interfaces fixes', () => {
  it('read back as loopback-bound strings', () => {
    assert.equal(fixedValue('port-all-interfaces', 'compose.yaml', svc('      - 8080:80 # web\n'), ['services', 'web', 'ports', 0]), '127.0.0.1:8080:80');
    assert.equal(fixedValue('port-all-interfaces', 'compose.yaml', svc('      - target: 80\n'), ['services', 'web', 'ports', 0, 'host_ip']), '127.0.0.1');
  });
  it('a shared anchor is named in the title', () => {
    assert.match(fixTitles('port-all-interfaces', 'compose.yaml', 'x-web: &web\n  ports: ["80:80"]\nservices:\n  a: {<<: *web}\n  b: {<<: *web}\n')[0], /edits the shared x-web anchor/);
  });
});
