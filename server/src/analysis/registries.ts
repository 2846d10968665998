import { registryOf, type ImageRef } from '../documents/image';
import { trimEndChars } from './text-scan';

/**
 * Registry allow-list matching for `trustedRegistries`. Patterns are simple globs where `*` is the
 * only special character (`*.gcr.io`, `my.co*`, `*`); they are matched by hand, never compiled into
 * a regular expression, so a rules file cannot make matching slow or throw.
 */

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** The registry host an image is pulled from, lower-cased; Docker Hub's aliases are `docker.io`. */
export function effectiveRegistry(ref: ImageRef): string {
  const registry = registryOf(ref).toLowerCase();
  return DOCKER_HUB_ALIASES.has(registry) ? 'docker.io' : registry;
}

/** `registry/repository` with Docker Hub's implicit `library/` made explicit (`docker.io/library/node`). */
export function registryPath(ref: ImageRef): string {
  const registry = effectiveRegistry(ref);
  const name = registry === 'docker.io' && !ref.name.includes('/') ? `library/${ref.name}` : ref.name;
  return `${registry}/${name}`;
}

/** Glob match with `*` as "any characters" (case-insensitive); linear in practice, no backtracking blow-up. */
export function globMatch(pattern: string, text: string): boolean {
  const parts = pattern.toLowerCase().split('*');
  const subject = text.toLowerCase();
  if (parts.length === 1) return parts[0] === subject;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!subject.startsWith(first) || subject.length < first.length + last.length || !subject.endsWith(last)) return false;
  let at = first.length;
  const end = subject.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    if (!middle) continue;
    const found = subject.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/**
 * Whether an image comes from a trusted registry. A pattern without `/` is matched against the
 * registry host (`ghcr.io`, `*.gcr.io`); one with `/` against `registry/repository`
 * (`docker.io/library/*`, `ghcr.io/my-org/*`).
 */
export function isTrustedImage(ref: ImageRef, trusted: readonly string[]): boolean {
  const registry = effectiveRegistry(ref);
  const path = registryPath(ref);
  return trusted.some((raw) => {
    const pattern = normalizePattern(raw);
    if (!pattern) return false;
    return pattern.includes('/') ? globMatch(pattern, path) : globMatch(pattern, registry);
  });
}

function normalizePattern(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const pattern = trimEndChars(raw.trim().replace(/^[a-z]+:\/\//i, ''), '/');
  const slash = pattern.indexOf('/');
  const host = slash < 0 ? pattern : pattern.slice(0, slash);
  const canonicalHost = DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? 'docker.io' : host;
  return slash < 0 ? canonicalHost : canonicalHost + pattern.slice(slash);
}
