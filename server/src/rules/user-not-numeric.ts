import { defineRule } from '../engine/rule';
import { isRootUser } from './user-root';

export default defineRule({
  meta: {
    id: 'user-not-numeric',
    kinds: ['dockerfile'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'The final `USER` should be a numeric UID: Kubernetes `runAsNonRoot` cannot verify that a user name is not root.',
      aka: ['DL3066'],
    },
    fixable: false,
  },
  dockerfile({ doc, report }) {
    const user = doc.finalUser();
    if (!user) return;
    const { range: args, value } = user;
    const name = value.split(':')[0];
    // Unknown build arguments, numeric UIDs and root (reported by user-root) are not this rule's.
    if (!name || /\$/.test(name) || /^\d+$/.test(name) || isRootUser(value)) return;
    report({
      range: args,
      message: `The final stage runs as the user name "${name}"; Kubernetes cannot verify a name is not root, so a pod with runAsNonRoot: true (and no runAsUser) is refused. Use the numeric UID (e.g. USER 10001:10001, creating the user with that UID).`,
    });
  },
});
