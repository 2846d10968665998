import { capabilityEntries, dropsAll } from '../analysis/capabilities';
import { containerCapabilities } from '../analysis/capability-rules';
import { composeFix } from '../analysis/compose-fix';
import { appendSeqItem, insertPair, setPath } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { asSeq } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import { withHarden } from '../analysis/harden';

const BEHAVIOUR = 'changes behaviour: add back only what the process needs';

export default defineRule({
  meta: {
    id: 'capabilities-not-dropped',
    kinds: ['compose', 'kubernetes'],
    profile: 'strict',
    severity: 'warning',
    docs: {
      summary: 'Containers should drop all capabilities and add back only the ones they need.',
      aka: ['PSS restricted', 'KSV-0003', 'CKV_K8S_37'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const found = service.get('cap_drop');
      const seq = asSeq(found?.value);
      const entries = capabilityEntries(yaml, seq);
      if (dropsAll(entries)) continue;
      if (seq && yaml.items(seq).length > entries.length) continue; // an interpolated entry may be ALL
      const edit = seq ? appendSeqItem(yaml, seq, 'ALL') : insertPair(yaml, service.map, 'cap_drop', '[ALL]');
      report({
        range: found && seq ? yaml.keyRange(found.pair) : service.keyRange,
        message: `Service "${service.name}" keeps Docker's default capabilities; add cap_drop: [ALL] and add back only what it needs with cap_add.`,
        fixes: [composeFix(compose, `Add ALL to cap_drop (${BEHAVIOUR} with cap_add)`, [edit], false)],
      });
    }
  },
  kubernetes({ object, config, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      const drop = yaml.lookup(yaml.getMap(container.securityContext, 'capabilities'), 'drop');
      const seq = asSeq(drop?.value);
      if (dropsAll(containerCapabilities(container, 'drop'))) continue;
      const edit = seq ? appendSeqItem(yaml, seq, 'ALL') : setPath(yaml, container.map, ['securityContext', 'capabilities', 'drop'], '[ALL]');
      report({
        range: drop && seq ? yaml.keyRange(drop.pair) : container.anchor,
        message: `The ${containerLabel(container)} keeps the runtime's default capabilities; set securityContext.capabilities.drop: [ALL] and add back only what it needs.`,
        fixes: withHarden({ title: `Add ALL to securityContext.capabilities.drop (${BEHAVIOUR} with capabilities.add)`, edits: [edit], safe: false }, container, config),
      });
    }
  },
});
