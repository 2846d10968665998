import { composeImages, dockerfileImages, kubernetesImages, pinFix, type ImageSite } from '../analysis/images';
import type { ResolvedConfig } from '../config/types';
import { canonicalName } from '../documents/image';
import { defineRule, type ReportInput } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'image-latest-tag',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Images should not use the mutable `latest` tag.',
      aka: ['DL3007', 'CKV_DOCKER_7', 'DS-0001', 'CKV_K8S_14', 'kube-linter latest-tag'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile: (ctx) => check(dockerfileImages(ctx.doc), ctx.config, ctx.report),
  compose: (ctx) => check(composeImages(ctx.compose), ctx.config, ctx.report),
  kubernetes: (ctx) => check(kubernetesImages(ctx.object), ctx.config, ctx.report),
});

function check(sites: ImageSite[], config: ResolvedConfig, report: (f: ReportInput) => void): void {
  for (const site of sites) {
    const ref = site.ref;
    if (!ref || ref.digest || ref.tag?.toLowerCase() !== 'latest') continue;
    const fix = pinFix(site, config);
    report({
      range: site.range,
      message: `"${canonicalName(ref)}:latest" can change under you between builds; pin a version tag (and ideally a digest).`,
      fixes: fix ? [fix] : [],
    });
  }
}
