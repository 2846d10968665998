import { composeImages, dockerfileImages, kubernetesImages, type ImageSite } from '../analysis/images';
import { effectiveRegistry, isTrustedImage } from '../analysis/registries';
import { defineRule, type ReportInput } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'image-untrusted-registry',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Images should come only from the registries the team trusts (`trustedRegistries` in the rules file).',
      aka: ['DL3026', 'KSV-0125'],
    },
    fixable: false,
    // An empty list would make every image an error; it is read as "not configured".
    activeWhen: (config) => Array.isArray(config.trustedRegistries) && config.trustedRegistries.length > 0,
  },
  perStage: true,
  dockerfile: (ctx) => check(dockerfileImages(ctx.doc), ctx.config.trustedRegistries ?? [], ctx.report),
  compose: (ctx) => check(composeImages(ctx.compose), ctx.config.trustedRegistries ?? [], ctx.report),
  kubernetes: (ctx) => check(kubernetesImages(ctx.object), ctx.config.trustedRegistries ?? [], ctx.report),
});

function check(sites: ImageSite[], trusted: readonly string[], report: (f: ReportInput) => void): void {
  if (trusted.length === 0) return;
  for (const site of sites) {
    // Scratch, stage aliases and references with unresolved variables cannot be judged.
    if (!site.ref || isTrustedImage(site.ref, trusted)) continue;
    const registry = effectiveRegistry(site.ref);
    const implicit = site.ref.registry ? '' : ' (no registry means docker.io)';
    const image = site.written === site.ref.raw ? `"${site.written}"` : `"${site.written}" (resolves to "${site.ref.raw}")`;
    report({
      range: site.range,
      message: `${image} is pulled from ${registry}${implicit}, which is not in trustedRegistries (${trusted.join(', ')}). Pull it through a trusted registry or mirror, or add the registry to the rules file.`,
    });
  }
}
