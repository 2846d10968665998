import type { ModifiableInstruction } from 'dockerfile-ast';
import { removeFlagEdit } from '../analysis/dockerfile-flags';
import { defineRule } from '../engine/rule';

/** RUN flags that need a build entitlement, and what the step loses when the flag goes. */
const INSECURE: Record<string, { value: string; why: string; without: string }> = {
  security: { value: 'insecure', why: 'runs the step without the build sandbox, like a privileged container', without: 'the step runs sandboxed' },
  network: { value: 'host', why: "gives the step the build host's network, including services bound to its localhost", without: 'the step uses the default build network' },
};

export default defineRule({
  meta: {
    id: 'build-insecure-entitlement',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: '`RUN --security=insecure` and `RUN --network=host` need build entitlements that weaken the build sandbox.',
      aka: [],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const instruction of doc.instructions) {
      if (doc.keyword(instruction) !== 'RUN') continue;
      for (const flag of (instruction as ModifiableInstruction).getFlags()) {
        const name = flag.getName().toLowerCase();
        const insecure = INSECURE[name];
        const value = flag.getValue();
        if (!insecure || value === null || doc.expand(value, instruction) !== insecure.value) continue;
        report({
          range: flag.getRange(),
          message: `RUN --${name}=${insecure.value} ${insecure.why}, and needs the ${name === 'security' ? 'security.insecure' : 'network.host'} entitlement. Do the work without it, or in a separate, trusted build.`,
          fixes: [{ title: `Remove --${name}=${insecure.value} (changes behaviour: ${insecure.without})`, edits: [removeFlagEdit(doc, flag)], safe: false }],
        });
      }
    }
  },
});
