import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

/** Built-in kinds that live outside namespaces; custom kinds named `Cluster…` are taken as cluster-scoped too. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'PriorityClass', 'RuntimeClass', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'CertificateSigningRequest', 'IngressClass', 'PodSecurityPolicy', 'FlowSchema', 'PriorityLevelConfiguration', 'ComponentStatus',
  'TokenReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview', 'SelfSubjectReview', 'IPAddress', 'ServiceCIDR',
  'DeviceClass', 'ResourceSlice', 'VolumeSnapshotClass', 'VolumeSnapshotContent', 'GatewayClass', 'List',
]);

/** Tool configuration that looks like an object but is never applied to a cluster (kustomize, kubelet, kubeadm, kubeconfig). */
function isToolConfig(apiVersion: string, kind: string): boolean {
  return /^(?:[\w-]+\.)*config\.k8s\.io\/|^kubeadm\.k8s\.io\//.test(apiVersion) || (apiVersion === 'v1' && kind === 'Config');
}

export function isNamespaced(kind: string, apiVersion = ''): boolean {
  return !CLUSTER_SCOPED.has(kind) && !kind.startsWith('Cluster') && !isToolConfig(apiVersion, kind);
}

export default defineRule({
  meta: {
    id: 'default-namespace',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Namespaced objects should name their namespace; the `default` namespace mixes unrelated workloads under shared policies.',
      aka: ['CKV_K8S_21'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (!isNamespaced(object.kind, object.apiVersion)) return;
    const { yaml } = object;
    const found = yaml.lookup(yaml.getMap(object.map, 'metadata'), 'namespace');
    const namespace = scalarString(found?.value);
    if (namespace && namespace !== 'default') return;
    const what = `${object.kind} "${object.name ?? '?'}"`;
    report({
      range: found && namespace ? yaml.pairRange(found.pair) : yaml.pairRange(object.kindPair),
      message: namespace
        ? `${what} is placed in the default namespace; use a namespace of its own so policies, quotas and RBAC can be scoped to it.`
        : `${what} names no namespace and lands in whatever namespace is current (often default); set metadata.namespace.`,
    });
  },
});
