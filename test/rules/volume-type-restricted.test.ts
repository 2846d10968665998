import { ruleTester } from '../helpers/rule-tester';

const pod = (volumes: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: "x:1"}]\n  volumes:\n${volumes}`;

ruleTester('volume-type-restricted', {
  valid: [
    {
      name: 'every allowed type',
      path: 'p.yaml',
      code: pod('    - {name: a, configMap: {name: c}}\n    - {name: b, csi: {driver: d}}\n    - {name: c, downwardAPI: {}}\n    - {name: d, emptyDir: {}}\n    - {name: e, ephemeral: {}}\n    - {name: f, persistentVolumeClaim: {claimName: x}}\n    - {name: g, projected: {sources: []}}\n    - {name: h, secret: {secretName: s}}\n'),
    },
    { name: 'hostPath is left to the hostPath rules', path: 'p.yaml', code: pod('    - name: logs\n      hostPath: {path: /var/log}\n') },
  ],
  invalid: [
    {
      name: 'nfs and gitRepo',
      path: 'p.yaml',
      code: pod('    - name: share\n      nfs:\n        server: nfs.local\n        path: /exports\n    - {name: src, gitRepo: {repository: "https://example.com/r.git"}}\n'),
      errors: [{ line: 9, column: 7, endColumn: 10, severity: 'info', message: 'type nfs' }, { line: 12, column: 19, message: 'gitRepo' }],
      output: null,
    },
  ],
});
