/**
 * Which host paths are dangerous to mount into a container. Shared by `host-path-sensitive`
 * (Compose binds, Kubernetes hostPath) and `docker-socket-mount`, which owns runtime sockets:
 * a socket mount is reported by that rule only, never also as a sensitive path.
 */

const RUNTIME_SOCKETS = new Set(['docker.sock', 'containerd.sock', 'crio.sock', 'podman.sock']);

/** Mounting these at all (even read-only) exposes the host: its whole file system, devices or runtime state. */
const SENSITIVE_PATHS = new Set(['/', '/etc', '/root', '/proc', '/sys', '/boot', '/dev', '/usr', '/lib', '/var/lib/docker', '/var/run', '/run']);

/** Under these, a writable sub-path is dangerous; a read-only one (`/etc/localtime:ro`) is a normal pattern. */
const WRITABLE_SENSITIVE_PARENTS = ['/etc', '/root', '/boot', '/proc', '/sys', '/var/lib/docker'];

/**
 * A POSIX absolute path with `//`, `.` and `..` resolved and no trailing slash, or undefined when
 * the path is not absolute (relative paths, `~`, Windows paths, named volumes).
 */
export function normalizeHostPath(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return '/' + out.join('/');
}

/** A container runtime's API socket (`/var/run/docker.sock`, `/run/containerd/containerd.sock`, …). */
export function isRuntimeSocketPath(path: string): boolean {
  const normalized = normalizeHostPath(path) ?? path;
  const base = normalized.slice(normalized.lastIndexOf('/') + 1).toLowerCase();
  return RUNTIME_SOCKETS.has(base);
}

export interface SensitiveHostPath {
  /** The normalized path that was judged. */
  path: string;
  /** `exact`: one of the listed paths itself; `writable-subpath`: a writable path under a listed parent. */
  reason: 'exact' | 'writable-subpath';
  /** The listed path it is, or is under. */
  listed: string;
}

/**
 * Whether mounting `path` from the host is sensitive. Runtime sockets are not (see
 * `docker-socket-mount`); neither are relative or interpolated paths, which the caller skips.
 */
export function sensitiveHostPath(path: string, writable: boolean): SensitiveHostPath | undefined {
  const normalized = normalizeHostPath(path);
  if (!normalized || isRuntimeSocketPath(normalized)) return undefined;
  if (SENSITIVE_PATHS.has(normalized)) return { path: normalized, reason: 'exact', listed: normalized };
  if (!writable) return undefined;
  const parent = WRITABLE_SENSITIVE_PARENTS.find((p) => normalized.startsWith(p + '/'));
  return parent ? { path: normalized, reason: 'writable-subpath', listed: parent } : undefined;
}

/**
 * A Kubernetes hostPath volume judged with its mounts: the volume path itself (writable when any
 * mount lacks `readOnly: true`), then each mount's `subPath` under it (a `/var` hostPath mounted
 * with `subPath: lib/docker` is `/var/lib/docker`).
 */
export function sensitiveHostPathVolume(path: string, mounts: { writable: boolean; subPath?: string }[]): SensitiveHostPath | undefined {
  let found = sensitiveHostPath(path, mounts.some((m) => m.writable));
  for (const m of mounts) found ??= m.subPath ? sensitiveHostPath(`${path}/${m.subPath}`, m.writable) : undefined;
  return found;
}
