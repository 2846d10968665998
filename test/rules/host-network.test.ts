import assert from 'node:assert/strict';
import { fixTitles, fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${spec}      containers:\n        - name: a\n          image: x:1\n`;

ruleTester('host-network', {
  valid: [
    { name: 'compose bridge network', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    network_mode: bridge\n' },
    { name: 'compose network of another service', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    network_mode: "service:db"\n' },
    { name: 'compose interpolated network mode', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    network_mode: ${NET_MODE:-bridge}\n' },
    { name: 'compose a network called host under networks:', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    networks: [host]\n' },
    { name: 'k8s hostNetwork: false', path: 'd.yaml', code: deployment('      hostNetwork: false\n') },
    { name: 'k8s a ConfigMap key hostNetwork', path: 'cm.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  hostNetwork: "true"\n' },
  ],
  invalid: [
    {
      name: 'compose network_mode: host',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    network_mode: host\n    user: "10001"\n',
      errors: [{ line: 4, column: 5, endColumn: 23, severity: 'error' }],
      output: 'services:\n  a:\n    image: x:1\n    user: "10001"\n',
      safe: false,
    },
    {
      name: 'compose quoted "host" in a flow service',
      path: 'compose.yaml',
      code: 'services:\n  a: {image: "x:1", network_mode: "host"}\n',
      errors: [{ line: 2, column: 21 }],
      output: 'services:\n  a: {image: "x:1"}\n',
    },
    {
      name: 'compose inherited: judged per service, reported at the anchor, fix says it edits the anchor',
      path: 'compose.yaml',
      code: 'x-base: &base\n  network_mode: host\n  restart: always\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n  c:\n    <<: *base\n    network_mode: bridge\n',
      errors: [{ line: 2, column: 3 }, { line: 2, column: 3 }],
      output: 'x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n  c:\n    <<: *base\n    network_mode: bridge\n',
      safe: false,
    },
    {
      name: 'k8s hostNetwork: true in a Deployment',
      path: 'd.yaml',
      code: deployment('      hostNetwork: true\n'),
      errors: [{ line: 8, column: 7, endColumn: 24, severity: 'error' }],
      output: deployment(''),
      safe: false,
    },
    {
      name: 'k8s CronJob',
      path: 'c.yaml',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostNetwork: true\n          containers: [{name: a, image: "x:1"}]\n',
      errors: [{ line: 10, column: 11 }],
    },
  ],
});

describe('host-network fixes', () => {
  it('names the shared anchor in the title', () => {
    const code = 'x-base: &base\n  network_mode: host\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n';
    assert.match(fixTitles('host-network', 'compose.yaml', code)[0], /\(edits the shared x-base anchor\)/);
    assert.equal(fixedValue('host-network', 'compose.yaml', code, ['services', 'b', 'network_mode']), undefined);
  });
});
