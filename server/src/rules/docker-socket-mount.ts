import type { JSONInstruction } from 'dockerfile-ast';
import type { Node } from 'yaml';
import { interpolationDefaults } from '../analysis/compose-env';
import { composeMounts } from '../analysis/compose-volumes';
import { isRuntimeSocketPath } from '../analysis/host-paths';
import { podVolumes, volumeMounts } from '../analysis/pod-volumes';
import { containerLabel } from '../documents/kubernetes';
import { defineRule } from '../engine/rule';
import type { Range } from '../engine/types';

/** Docker's Windows named pipe (`//./pipe/docker_engine`, `\\.\pipe\docker_engine`) is the same API. */
function isRuntimeEndpoint(path: string): boolean {
  return isRuntimeSocketPath(path) || /[\\/]pipe[\\/]docker_engine$/i.test(path);
}

/** A literal path, or a templated one whose default or fixed file name is a runtime socket. */
function mountsSocket(source: string): string | undefined {
  for (const candidate of [source, ...interpolationDefaults(source)]) {
    if (isRuntimeEndpoint(candidate.trim())) return candidate.trim();
  }
  return undefined;
}

const WHY = 'whoever reaches it can start privileged containers and take over the host';

export default defineRule({
  meta: {
    id: 'docker-socket-mount',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Mounting a container runtime socket (`docker.sock`, `containerd.sock`, …) gives the container control of the host.',
      aka: ['CKV_K8S_27', 'KSV-0006', 'kube-linter docker-sock'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const instruction of doc.instructions) {
      if (doc.keyword(instruction) !== 'VOLUME') continue;
      const json = (instruction as JSONInstruction).getJSONStrings();
      const args: { value: string; range: Range }[] =
        json.length > 0 ? json.map((s) => ({ value: s.getJSONValue(), range: s.getRange() })) : instruction.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
      for (const arg of args) {
        const path = mountsSocket(doc.expand(arg.value, instruction));
        if (!path) continue;
        report({
          range: arg.range,
          message: `VOLUME ${path} expects the container runtime's socket to be mounted in; ${WHY}. Talk to a narrowly scoped API (a socket proxy, rootless BuildKit) instead.`,
        });
      }
    }
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      for (const mount of composeMounts(yaml, service.get('volumes')?.value)) {
        if (mount.source === undefined) continue;
        if (mount.form === 'long' && mount.type !== 'bind' && mount.type !== 'npipe') continue;
        const path = mountsSocket(mount.source);
        if (!path) continue;
        const node: Node = mount.sourceNode ?? mount.node;
        report({
          range: yaml.range(node),
          message: `Service "${service.name}" mounts the container runtime socket ${path}; ${WHY}, even with :ro. Use a socket proxy that allows only the API calls it needs, or drop the mount.`,
        });
      }
    }
  },
  kubernetes({ object, report }) {
    const { yaml, podSpec } = object;
    if (!podSpec) return;
    for (const volume of podVolumes(podSpec)) {
      if (volume.hostPath === undefined) continue;
      const path = mountsSocket(volume.hostPath);
      if (!path) continue;
      const pathNode = yaml.get(yaml.getMap(volume.map, 'hostPath'), 'path');
      const users = podSpec.containers.filter((c) => volumeMounts(c).some((m) => m.name === volume.name));
      const who = users.length > 0 ? ` (mounted by the ${users.map(containerLabel).join(', ')})` : '';
      report({
        range: yaml.range(pathNode),
        message: `hostPath volume "${volume.name ?? ''}" mounts the node's container runtime socket ${path}${who}; whoever reaches it can start privileged containers and take over the node. Use a dedicated, narrowly scoped API instead.`,
      });
    }
  },
});
