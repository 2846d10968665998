import { composeImages, dockerfileImages, kubernetesImages, pinFix, type ImageSite } from '../analysis/images';
import type { ResolvedConfig } from '../config/types';
import { canonicalName } from '../documents/image';
import { defineRule, type ReportInput } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'image-untagged',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Images should name a tag or digest; without one the build pulls whatever `latest` is.',
      aka: ['DL3006', 'DS-0001', 'Polaris tagNotSpecified'],
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
    if (!ref || ref.digest || ref.tag !== undefined) continue;
    const fix = pinFix(site, config);
    const resolved = site.written === ref.raw ? '' : ` (resolves to "${ref.raw}")`;
    report({
      range: site.range,
      message: `"${site.written}"${resolved} has no tag, so it means "${canonicalName(ref)}:latest"; pin a version tag (and ideally a digest).`,
      fixes: fix ? [fix] : [],
    });
  }
}
