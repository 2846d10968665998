import { ruleTester } from '../helpers/rule-tester';

ruleTester('default-namespace', {
  valid: [
    { name: 'own namespace', path: 'd.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n' },
    { name: 'cluster-scoped kinds', path: 'c.yaml', code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules: []\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a.b.c}\n---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n---\napiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: le}\n' },
    { name: 'tool configuration is not a cluster object', path: 'kustomization.yaml', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n---\napiVersion: v1\nkind: Config\nclusters: []\n' },
    { name: 'strict-only rule', path: 'd.yaml', config: { profile: 'recommended' }, code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
  ],
  invalid: [
    {
      name: 'no namespace: anchored on kind',
      path: 'd.yaml',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
      errors: [{ line: 2, column: 1, endColumn: 16, severity: 'info', message: 'names no namespace' }],
      output: null,
    },
    {
      name: 'namespace default',
      path: 'd.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec: {}\n',
      errors: [{ line: 5, column: 3, endColumn: 21, message: 'default namespace' }],
    },
    {
      name: 'List items each count, the List itself does not',
      path: 'l.yaml',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: s}\n  - apiVersion: rbac.authorization.k8s.io/v1\n    kind: Role\n    metadata: {name: r, namespace: shop}\n',
      errors: [{ line: 5, column: 5 }],
    },
  ],
});
