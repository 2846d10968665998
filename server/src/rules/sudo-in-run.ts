import { commandName } from '../analysis/shell/commands';
import { runCommands } from '../analysis/shell/run-commands';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'sudo-in-run',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: '`sudo` in a `RUN` step: the image then ships sudo and its configuration, and the build relies on it for privilege changes it does not need.',
      aka: ['DL3004', 'DS-0010'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const { site, cmd, inv } of runCommands(doc)) {
      if (inv.name !== 'sudo' && !inv.wrappers.includes('sudo')) continue;
      const word = cmd.argv.find((w) => commandName(w) === 'sudo');
      if (!word) continue;
      report({
        range: site.range(word.start, word.end),
        message: 'sudo is used in RUN: build steps already run as the current USER. Run the step before switching USER (or with USER root for that step) instead of installing sudo.',
      });
    }
  },
});
