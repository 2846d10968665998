import { composeImages, dockerfileImages, kubernetesImages, type ImageSite } from '../analysis/images';
import { canonicalName } from '../documents/image';
import { defineRule, type ReportInput } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'image-not-digest-pinned',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'A tag can be moved to other content; only a `@sha256:` digest pins exactly what runs.',
      aka: ['CKV_K8S_43'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile: (ctx) => check(dockerfileImages(ctx.doc), ctx.report),
  compose: (ctx) => check(composeImages(ctx.compose), ctx.report),
  kubernetes: (ctx) => check(kubernetesImages(ctx.object), ctx.report),
});

function check(sites: ImageSite[], report: (f: ReportInput) => void): void {
  for (const site of sites) {
    const ref = site.ref;
    // Untagged and `latest` images are image-untagged / image-latest-tag findings, not also this one;
    // scratch, stage aliases and unresolved build arguments have no ref.
    if (!ref || ref.digest || ref.tag === undefined || ref.tag.toLowerCase() === 'latest') continue;
    const image = `${canonicalName(ref)}:${ref.tag}`;
    report({
      range: site.range,
      message: `"${image}" is pinned by tag only, and a tag can be re-pushed with different content. Add the digest (${image}@sha256:<digest>), and let a bot such as Renovate keep it current.`,
    });
  }
}
