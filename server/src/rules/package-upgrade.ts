import { packageCommand } from '../analysis/shell/packages';
import { runCommands } from '../analysis/shell/run-commands';
import { defineRule } from '../engine/rule';

/** Subcommands that upgrade every installed package (with no package named). */
const FULL_UPGRADE: Record<string, Set<string>> = {
  apt: new Set(['upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade']),
  apk: new Set(['upgrade']),
  rpm: new Set(['update', 'upgrade', 'distro-sync', 'distrosync', 'upgrade-minimal', 'update-minimal', 'dsync']),
  zypper: new Set(['update', 'up', 'dist-upgrade', 'dup', 'patch']),
};

export default defineRule({
  meta: {
    id: 'package-upgrade',
    kinds: ['dockerfile'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Upgrading every package during the build makes the image depend on the day it was built instead of on its base image.',
      aka: ['DL3005', 'DS-0024'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const { site, inv } of runCommands(doc)) {
      const pkg = packageCommand(inv);
      if (!pkg?.sub || !FULL_UPGRADE[pkg.manager]?.has(pkg.subName)) continue;
      // `yum update openssl` upgrades one named package: that is a choice, not a blanket upgrade.
      if (pkg.manager !== 'apt' && pkg.operands.length > 0) continue;
      report({
        range: site.range(inv.argv[0].start, pkg.sub.end),
        message: `${inv.name} ${pkg.subName} upgrades every package at build time, so two builds of this Dockerfile differ. Rebuild on an updated, pinned base image instead.`,
      });
    }
  },
});
