import { kubernetesImages } from '../analysis/images';
import { setPath } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'image-pull-policy',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'A container whose image is not pinned by digest should use imagePullPolicy: Always, so a node never runs a stale or tampered cached copy of a tag.',
      aka: ['CKV_K8S_15'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const site of kubernetesImages(object)) {
      const container = site.container!;
      const ref = site.ref;
      if (!ref || ref.digest) continue;
      const policy = yaml.lookup(container.map, 'imagePullPolicy');
      const value = scalarString(policy?.value);
      if (value === 'Always') continue;
      // Without a policy Kubernetes pulls `latest` and untagged images always (image-latest-tag reports those).
      if (!policy && (ref.tag === undefined || ref.tag === 'latest')) continue;
      report({
        range: policy && !policy.inherited ? yaml.pairRange(policy.pair) : container.anchor,
        message: `The ${containerLabel(container)} uses "${site.written}" without a digest and imagePullPolicy ${value ?? 'IfNotPresent (the default)'}: a node may run a cached copy of the tag. Set imagePullPolicy: Always or pin the image by digest.`,
        fixes: policy?.inherited ? [] : [{ title: 'Set imagePullPolicy: Always (every start pulls from the registry)', edits: [setPath(yaml, container.map, ['imagePullPolicy'], 'Always')], safe: false }],
      });
    }
  },
});
