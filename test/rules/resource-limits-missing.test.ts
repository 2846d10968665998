import { ruleTester } from '../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x:1\n${container}`;

ruleTester('resource-limits-missing', {
  valid: [
    { name: 'compose deploy limits', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    deploy:\n      resources:\n        limits: {cpus: "0.5", memory: 512M}\n' },
    { name: 'compose legacy mem_limit and cpus', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    mem_limit: 512m\n    cpus: 0.5\n' },
    { name: 'compose limits inherited from an anchor, interpolated', path: 'compose.yaml', code: 'x-lim: &lim\n  deploy: {resources: {limits: {cpus: "${CPUS}", memory: "${MEM:-1g}"}}}\nservices:\n  a:\n    <<: *lim\n    image: x:1\n' },
    { name: 'compose strict only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n', config: { profile: 'recommended' } },
    { name: 'k8s both limits', path: 'p.yaml', code: pod('      resources:\n        limits: {cpu: 500m, memory: 256Mi}\n') },
    { name: 'k8s ephemeral containers cannot have resources', path: 'p.yaml', code: pod('      resources: {limits: {cpu: 1, memory: 1Gi}}\n  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n') },
  ],
  invalid: [
    {
      name: 'compose none: one finding naming both',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n',
      errors: [{ line: 2, column: 3, severity: 'info', message: 'no memory or CPU limit' }],
      output: null,
    },
    {
      name: 'compose reservations are not limits',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    mem_limit: 1g\n    deploy:\n      resources:\n        reservations: {cpus: "1"}\n',
      errors: [{ line: 2, column: 3, message: 'no CPU limit' }],
    },
    {
      name: 'k8s none: warning, both named',
      path: 'p.yaml',
      code: pod(''),
      errors: [{ line: 7, column: 7, severity: 'warning', message: 'no memory or cpu limit; set resources.limits.memory and resources.limits.cpu' }],
    },
    {
      name: 'k8s requests only',
      path: 'p.yaml',
      code: pod('      resources:\n        requests: {cpu: 100m, memory: 64Mi}\n'),
      errors: [{ line: 7, column: 7, severity: 'warning' }],
    },
    {
      name: 'k8s only cpu missing: info',
      path: 'p.yaml',
      code: pod('      resources:\n        limits: {memory: 64Mi}\n'),
      errors: [{ line: 7, column: 7, severity: 'info', message: 'no cpu limit' }],
    },
    {
      name: 'k8s init container counted',
      path: 'p.yaml',
      code: pod('      resources: {limits: {cpu: 1, memory: 1Gi}}\n  initContainers:\n    - name: init\n      image: x:1\n      resources: {limits: {cpu: 1}}\n'),
      errors: [{ line: 11, column: 7, severity: 'warning', message: 'init container "init" has no memory limit' }],
    },
  ],
});
