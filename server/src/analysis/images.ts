import picomatch from 'picomatch';
import { isScalar, type Node } from 'yaml';
import type { ResolvedConfig } from '../config/types';
import type { ComposeFile, Service } from '../documents/compose';
import type { DockerfileModel, Stage } from '../documents/dockerfile';
import { canonicalName, hasVariables, parseImageRef, type ImageRef } from '../documents/image';
import type { Container, K8sObject } from '../documents/kubernetes';
import { isQuoted, type YamlDoc } from '../documents/yaml';
import type { LineIndex } from '../engine/text';
import type { Fix, Range } from '../engine/types';

/** An image reference in any file kind: where it is written and what it resolves to. */
export interface ImageSite {
  range: Range;
  written: string;
  /** Parsed reference; undefined for `scratch` or references with unresolved variables. */
  ref?: ImageRef;
  /** Offset of the written reference in the text, when it is a literal the fixes may edit. */
  literalAt?: number;
  lines: LineIndex;
  service?: Service;
  container?: Container;
}

export function dockerfileImages(doc: DockerfileModel): ImageSite[] {
  return doc.imageUses().map((use) => ({
    range: use.range,
    written: use.written,
    ref: use.ref,
    literalAt: use.written === use.resolved ? doc.lines.offsetAt(use.range.start) : undefined,
    lines: doc.lines,
  }));
}

export function composeImages(compose: ComposeFile): ImageSite[] {
  const out: ImageSite[] = [];
  for (const service of compose.services) {
    const site = yamlImage(compose.yaml, service.get('image')?.value);
    if (site) out.push({ ...site, service });
  }
  return out;
}

export function kubernetesImages(object: K8sObject): ImageSite[] {
  const out: ImageSite[] = [];
  for (const container of object.podSpec?.containers ?? []) {
    const site = yamlImage(object.yaml, object.yaml.get(container.map, 'image'));
    if (site) out.push({ ...site, container });
  }
  return out;
}

function yamlImage(yaml: YamlDoc, node: Node | undefined): ImageSite | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const written = node.value;
  const variable = hasVariables(written);
  return {
    range: yaml.range(node),
    written,
    ref: variable ? undefined : parseImageRef(written),
    literalAt: variable ? undefined : node.range[0] + (isQuoted(node) ? 1 : 0),
    lines: yaml.lines,
  };
}

/** The team pin for an image from the rules file's `images:` map. */
export function teamPin(config: ResolvedConfig, ref: ImageRef): string | undefined {
  const name = canonicalName(ref);
  for (const [key, tag] of Object.entries(config.images)) {
    const keyRef = parseImageRef(key);
    if (keyRef && canonicalName(keyRef) === name) return tag;
  }
  return undefined;
}

/** Rewrites the tag of a literal reference to the team pin (`node:latest` → `node:22.11-slim`). */
export function pinFix(site: ImageSite, config: ResolvedConfig): Fix | undefined {
  if (!site.ref || site.literalAt === undefined) return undefined;
  const pin = teamPin(config, site.ref);
  if (!pin) return undefined;
  const { ref } = site;
  const start = site.literalAt + ref.tagStart;
  const end = site.literalAt + ref.tagEnd;
  const newText = ref.tag === undefined ? `:${pin}` : pin;
  return {
    title: `Pin ${canonicalName(ref)} to the team's tag ${pin}`,
    edits: [{ range: site.lines.rangeOf(start, end), newText }],
    safe: true,
  };
}

const BUILTIN_NON_ROOT = ['gcr.io/distroless/**:nonroot', 'gcr.io/distroless/**:*-nonroot', 'cgr.dev/chainguard/**', 'chainguard/**'];

/** Base images known to run as a non-root user: distroless `:nonroot`, Chainguard, and the team's list. */
export function isNonRootBase(ref: ImageRef | undefined, config: ResolvedConfig): boolean {
  if (!ref) return false;
  const name = canonicalName(ref);
  const withTag = ref.tag ? `${name}:${ref.tag}` : name;
  const patterns = [...BUILTIN_NON_ROOT, ...config.nonRootBaseImages];
  return patterns.some((p) => picomatch.isMatch(withTag, p, { dot: true }) || picomatch.isMatch(name, p, { dot: true }));
}

/** The image the final stage's lineage is built on, if any. */
export function rootImage(doc: DockerfileModel, stage: Stage): ImageRef | undefined {
  const root = doc.rootOf(stage);
  return doc.fromImage(root)?.ref;
}
