import { isScalar } from 'yaml';
import { composeFix } from '../analysis/compose-fix';
import { isInterpolated } from '../analysis/compose-values';
import { effectiveBoolean } from '../analysis/security-context';
import { insertPair, replaceScalar, setPath } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { isTrue, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import { withHarden } from '../analysis/harden';

const BEHAVIOUR = 'changes behaviour: writes outside volumes and tmpfs mounts fail';

export default defineRule({
  meta: {
    id: 'read-only-root-fs-missing',
    kinds: ['compose', 'kubernetes'],
    profile: 'strict',
    severity: 'warning',
    docs: {
      summary: "A writable root file system lets an attacker who gets in modify the container's binaries and drop tools; make it read-only and mount writable paths explicitly.",
      aka: ['CKV_K8S_22', 'KSV-0014', 'compose-lint CL-0007'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const found = service.get('read_only');
      if (found && isTrue(found.value)) continue;
      const text = scalarString(found?.value);
      if (text !== undefined && isInterpolated(text)) continue;
      const edit = found && isScalar(found.value) && text !== undefined ? replaceScalar(yaml, found.value, 'true') : insertPair(yaml, service.map, 'read_only', 'true');
      report({
        range: found ? yaml.pairRange(found.pair) : service.keyRange,
        message: `Service "${service.name}" has a writable root file system; set read_only: true and mount writable paths (tmpfs, volumes) explicitly.`,
        fixes: [composeFix(compose, `Set read_only: true (${BEHAVIOUR})`, [edit], false)],
      });
    }
  },
  kubernetes({ object, config, report }) {
    for (const container of object.podSpec?.containers ?? []) {
      const effective = effectiveBoolean(container, 'readOnlyRootFilesystem');
      if (effective.value === true) continue;
      const explicit = effective.value === false && effective.pair && effective.node;
      const edit = explicit && effective.node ? replaceScalar(object.yaml, effective.node, 'true') : setPath(object.yaml, container.map, ['securityContext', 'readOnlyRootFilesystem'], 'true');
      report({
        range: explicit && effective.pair ? object.yaml.pairRange(effective.pair) : container.anchor,
        message: `The ${containerLabel(container)} has a writable root file system; set securityContext.readOnlyRootFilesystem: true and mount writable paths (emptyDir) explicitly.`,
        fixes: withHarden({ title: `Set securityContext.readOnlyRootFilesystem: true (${BEHAVIOUR})`, edits: [edit], safe: false }, container, config),
      });
    }
  },
});
