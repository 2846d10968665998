import { isScalar } from 'yaml';
import { composeFix } from '../analysis/compose-fix';
import { composeMounts, readOnlyShortSyntax, type ComposeMount } from '../analysis/compose-volumes';
import { isInterpolated } from '../analysis/compose-values';
import { normalizeHostPath, sensitiveHostPath, sensitiveHostPathVolume, type SensitiveHostPath } from '../analysis/host-paths';
import { insertPair, replaceScalar } from '../analysis/yaml-edit';
import type { ComposeFile, Service } from '../documents/compose';
import { mountsOf } from '../analysis/pod-volumes';
import { containerLabel } from '../documents/kubernetes';
import { asMap, isQuoted, keyOf, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { Fix } from '../engine/types';

export default defineRule({
  meta: {
    id: 'host-path-sensitive',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Mounting sensitive host paths (/, /etc, /proc, /var/lib/docker, …) into a container hands it the host: its configuration, its processes or its other containers.',
      aka: ['kube-linter sensitive-host-mounts', 'KSV-0121'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    const namedBinds = namedVolumeBinds(compose);
    for (const service of compose.services) {
      for (const mount of composeMounts(yaml, service.get('volumes')?.value)) {
        const hostPath = hostPathOf(mount, namedBinds);
        if (!hostPath) continue;
        const writable = !mount.readOnly && !mount.readOnlyUnknown;
        const found = sensitiveHostPath(hostPath.path, writable);
        if (!found) continue;
        const via = hostPath.volume ? ` through the volume "${hostPath.volume}"` : '';
        report({
          range: yaml.range(mount.node),
          message: composeMessage(service, found, via, writable),
          fixes: writable ? readOnlyFix(compose, mount) : [],
        });
      }
    }
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    for (const volume of yaml.items(yaml.getSeq(pod.map, 'volumes'))) {
      const name = scalarString(yaml.get(asMap(volume), 'name'));
      const pathNode = yaml.path(asMap(volume), 'hostPath', 'path');
      const path = scalarString(pathNode);
      if (!name || !path || !isScalar(pathNode)) continue;
      const mounts = mountsOf(pod, name).map((m) => ({ container: m.container, writable: !m.readOnly, subPath: m.subPath }));
      const writers = mounts.filter((m) => m.writable);
      const found = sensitiveHostPathVolume(path, mounts);
      if (!found) continue;
      const access = writers.length > 0 ? `, writable by the ${[...new Set(writers.map((m) => containerLabel(m.container)))].join(', ')}` : '';
      report({
        range: yaml.range(pathNode),
        message: `The hostPath volume "${name}" mounts the host's ${found.path}${found.path === normalizeHostPath(path) ? '' : ' (through subPath)'}${access}; ${advice(found)}`,
      });
    }
  },
});

interface HostPath {
  path: string;
  /** A named volume that is a bind in disguise (`driver_opts: {o: bind, device: /etc}`). */
  volume?: string;
}

function hostPathOf(mount: ComposeMount, namedBinds: Map<string, string>): HostPath | undefined {
  if (!mount.source || mount.interpolated) return undefined;
  if (mount.type === 'bind') return { path: mount.source };
  if (mount.type === 'volume' && namedBinds.has(mount.source)) return { path: namedBinds.get(mount.source)!, volume: mount.source };
  return undefined;
}

/** Top-level named volumes of the `local` driver that bind a host directory. */
function namedVolumeBinds(compose: ComposeFile): Map<string, string> {
  const { yaml } = compose;
  const out = new Map<string, string>();
  for (const pair of yaml.getMap(compose.root, 'volumes')?.items ?? []) {
    const name = keyOf(pair);
    const opts = yaml.getMap(asMap(yaml.resolve(pair.value)), 'driver_opts');
    const o = scalarString(yaml.get(opts, 'o'));
    const device = scalarString(yaml.get(opts, 'device'));
    if (name && device && o && o.split(',').some((x) => x.trim() === 'bind' || x.trim() === 'rbind') && !isInterpolated(device)) out.set(name, device);
  }
  return out;
}

function composeMessage(service: Service, found: SensitiveHostPath, via: string, writable: boolean): string {
  const mode = writable ? 'read-write' : 'read-only';
  return `Service "${service.name}" mounts the host's ${found.path}${via} ${mode}; ${advice(found)}`;
}

function advice(found: SensitiveHostPath): string {
  if (found.reason === 'writable-subpath') return `a container that can write under ${found.listed} can change the host; mount it read-only.`;
  return `this exposes the host itself. Mount only the specific file or directory the container needs, read-only.`;
}

function readOnlyFix(compose: ComposeFile, mount: ComposeMount): Fix[] {
  const { yaml } = compose;
  const title = 'Mount it read-only (changes behaviour if the container writes there)';
  if (mount.form === 'short' && isScalar(mount.node)) {
    const text = readOnlyShortSyntax(scalarString(mount.node) ?? '');
    const quoted = isQuoted(mount.node) ? (mount.node.type === 'QUOTE_SINGLE' ? `'${text}'` : JSON.stringify(text)) : text;
    return [composeFix(compose, title, [replaceScalar(yaml, mount.node, quoted)], false)];
  }
  if (mount.map) {
    const existing = mount.readOnlyPair?.value;
    const edit = existing && isScalar(existing) ? replaceScalar(yaml, existing, 'true') : insertPair(yaml, mount.map, 'read_only', 'true');
    return [composeFix(compose, title, [edit], false)];
  }
  return [];
}
