import { capabilityEntries } from '../analysis/capabilities';
import { composeFix } from '../analysis/compose-fix';
import { noNewPrivilegesValue, securityOptions } from '../analysis/compose-security-opt';
import { effectiveBoolean } from '../analysis/security-context';
import { appendSeqItem, insertPair, replaceScalar, setPath } from '../analysis/yaml-edit';
import { containerLabel, type Container } from '../documents/kubernetes';
import { asSeq, isTrue } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { Fix } from '../engine/types';
import { hardenFixFor } from '../analysis/harden';

const BEHAVIOUR = 'changes behaviour: setuid binaries such as sudo can no longer gain privileges';

export default defineRule({
  meta: {
    id: 'privilege-escalation',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    byKind: { compose: { profile: 'strict' } },
    docs: {
      summary: 'Processes in the container should not be able to gain more privileges than their parent (setuid binaries, file capabilities).',
      aka: ['CKV_K8S_20', 'KSV-0001', 'PSS restricted'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const found = service.get('security_opt');
      const options = securityOptions(yaml, found?.value);
      const nnp = options.filter((o) => noNewPrivilegesValue(o) !== undefined);
      if (nnp.some((o) => noNewPrivilegesValue(o) === true)) continue;
      // Only an entry the rule could not read (an interpolation, `${NNP}`) makes the answer unknown.
      const seq = asSeq(found?.value);
      if (seq && yaml.items(seq).length > options.length) continue;
      const disabled = nnp.find((o) => noNewPrivilegesValue(o) === false);
      if (disabled) {
        report({
          range: yaml.range(disabled.node),
          message: `Service "${service.name}" sets no-new-privileges to false: processes may gain privileges through setuid binaries. Use no-new-privileges:true.`,
          fixes: [composeFix(compose, `Set no-new-privileges:true (${BEHAVIOUR})`, [replaceScalar(yaml, disabled.node, 'no-new-privileges:true')], false)],
        });
        continue;
      }
      const edit = seq ? appendSeqItem(yaml, seq, seq.flow || seq.items.length === 0 ? '"no-new-privileges:true"' : 'no-new-privileges:true') : insertPair(yaml, service.map, 'security_opt', '["no-new-privileges:true"]');
      report({
        range: found && seq ? yaml.keyRange(found.pair) : service.keyRange,
        message: `Service "${service.name}" lets processes gain privileges through setuid binaries; add no-new-privileges:true to security_opt.`,
        fixes: [composeFix(compose, `Add no-new-privileges:true to security_opt (${BEHAVIOUR})`, [edit], false)],
      });
    }
  },
  kubernetes({ object, config, report }) {
    for (const container of object.podSpec?.containers ?? []) {
      const effective = effectiveBoolean(container, 'allowPrivilegeEscalation');
      if (effective.value === false) continue;
      const explicit = effective.value === true ? effective.node : undefined;
      const allowed = canForbidEscalation(container);
      const edit = explicit ? replaceScalar(object.yaml, explicit, 'false') : setPath(object.yaml, container.map, ['securityContext', 'allowPrivilegeEscalation'], 'false');
      const harden = allowed ? hardenFixFor(container, config) : undefined;
      const fixes = allowed ? [fix([edit]), ...(harden ? [harden] : [])] : [];
      report({
        range: explicit && effective.pair ? object.yaml.pairRange(effective.pair) : container.anchor,
        severity: explicit ? 'error' : undefined,
        message: (explicit
          ? `The ${containerLabel(container)} sets allowPrivilegeEscalation: true; set it to false so processes cannot gain privileges through setuid binaries.`
          : `The ${containerLabel(container)} does not set allowPrivilegeEscalation: false, so processes may gain privileges through setuid binaries; set it in the container's securityContext.`) +
          (allowed ? '' : ' It cannot be false while the container is privileged or adds SYS_ADMIN: remove those first.'),
        fixes,
      });
    }
  },
});

function fix(edits: Fix['edits']): Fix {
  return { title: `Set securityContext.allowPrivilegeEscalation: false (${BEHAVIOUR})`, edits, safe: false };
}

/** The API server rejects allowPrivilegeEscalation: false together with privileged: true or CAP_SYS_ADMIN. */
function canForbidEscalation(container: Container): boolean {
  const { yaml } = container.pod.object;
  if (isTrue(yaml.get(container.securityContext, 'privileged'))) return false;
  const add = yaml.get(yaml.getMap(container.securityContext, 'capabilities'), 'add');
  return !capabilityEntries(yaml, add).some((c) => c.name === 'SYS_ADMIN');
}
