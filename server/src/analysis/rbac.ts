import { isMap, type Node, type YAMLMap } from 'yaml';
import type { K8sObject } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';

/** RBAC objects come from one API group; a CRD that happens to be called `Role` is not one. */
const RBAC_GROUP = 'rbac.authorization.k8s.io/';

export function isRbac(object: K8sObject, kinds: readonly string[]): boolean {
  return object.apiVersion.startsWith(RBAC_GROUP) && kinds.includes(object.kind);
}

export interface RbacItem {
  value: string;
  node: Node;
}

/** One entry of a Role's or ClusterRole's `rules`. */
export interface PolicyRule {
  map: YAMLMap;
  apiGroups: RbacItem[];
  resources: RbacItem[];
  verbs: RbacItem[];
  resourceNames: RbacItem[];
}

export function policyRules(object: K8sObject): PolicyRule[] {
  if (!isRbac(object, ['Role', 'ClusterRole'])) return [];
  const { yaml } = object;
  const list = (map: YAMLMap, key: string): RbacItem[] =>
    yaml.items(yaml.getSeq(map, key)).flatMap((node) => {
      const value = scalarString(node);
      return value === undefined ? [] : [{ value, node }];
    });
  return yaml.items(yaml.getSeq(object.map, 'rules')).flatMap((item) =>
    isMap(item)
      ? [{ map: item, apiGroups: list(item, 'apiGroups'), resources: list(item, 'resources'), verbs: list(item, 'verbs'), resourceNames: list(item, 'resourceNames') }]
      : [],
  );
}

/** Whether a rule's API groups include the core group (`""`) or every group. */
export function coversCoreGroup(rule: PolicyRule): boolean {
  return rule.apiGroups.some((g) => g.value === '' || g.value === '*');
}

export function hasVerb(rule: PolicyRule, verbs: readonly string[]): boolean {
  return rule.verbs.some((v) => v.value === '*' || verbs.includes(v.value.toLowerCase()));
}

/** A quoted list for messages: "a", "b" and "c". */
export function quotedList(values: string[]): string {
  const q = values.map((v) => `"${v}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
