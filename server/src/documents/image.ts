/** An image reference split into its parts, with offsets into the reference string. */
export interface ImageRef {
  raw: string;
  /** Registry host as written, or undefined for Docker Hub's implicit `docker.io`. */
  registry?: string;
  /** Repository path without registry, tag or digest (`library/` kept as written). */
  name: string;
  tag?: string;
  digest?: string;
  /** Offset in `raw` where the tag starts (after `:`), or where a tag would be appended. */
  tagStart: number;
  tagEnd: number;
}

export function parseImageRef(raw: string): ImageRef | undefined {
  const ref = raw.trim();
  if (!ref || /\s/.test(ref)) return undefined;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  let nameEnd = rest.length;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    nameEnd = colon;
  }
  const path = rest.slice(0, nameEnd);
  let registry: string | undefined;
  let name = path;
  const first = path.indexOf('/');
  if (first > 0) {
    const head = path.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      name = path.slice(first + 1);
    }
  }
  if (!name) return undefined;
  return {
    raw: ref,
    registry,
    name,
    tag,
    digest,
    tagStart: tag !== undefined ? nameEnd + 1 : nameEnd,
    tagEnd: tag !== undefined ? rest.length : nameEnd,
  };
}

/** `docker.io/library/node` and `node` are the same image: the key team pins and lists use. */
export function canonicalName(ref: ImageRef): string {
  const registry = ref.registry && ref.registry !== 'docker.io' && ref.registry !== 'index.docker.io' ? ref.registry + '/' : '';
  const name = !registry && ref.name.startsWith('library/') ? ref.name.slice('library/'.length) : ref.name;
  return registry + name;
}

export function registryOf(ref: ImageRef): string {
  return ref.registry ?? 'docker.io';
}

/** True when the reference still holds unresolved variables (`${TAG}`, `$IMAGE`, `{{ … }}`). */
export function hasVariables(raw: string): boolean {
  return /\$|\{\{/.test(raw);
}
