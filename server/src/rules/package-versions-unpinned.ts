import { packageCommand, type PackageCommand } from '../analysis/shell/packages';
import type { ShellWord } from '../analysis/shell/parser';
import { runCommands } from '../analysis/shell/run-commands';
import { defineRule } from '../engine/rule';

const INSTALL: Record<PackageCommand['manager'], Set<string>> = {
  apt: new Set(['install']),
  apk: new Set(['add']),
  rpm: new Set(['install']),
  pip: new Set(['install']),
  npm: new Set(['install', 'i', 'add', 'isntall', 'in']),
  gem: new Set(['install']),
  zypper: new Set(['install', 'in']),
};

/** A local file, a URL or a VCS reference: not a registry package name, nothing to pin. */
function isReference(v: string): boolean {
  return /^[./~]/.test(v) || v.includes('://') || /^(git\+|file:|github:|git@)/.test(v) || /\.(deb|apk|rpm|whl|tar\.gz|tgz|zip|gem)$/i.test(v);
}

/** Whether one package operand names a version, in its manager's syntax. */
function pinned(manager: PackageCommand['manager'], v: string): boolean {
  switch (manager) {
    case 'apt':
      return v.includes('=');
    case 'apk':
      return /[=~<>]/.test(v);
    case 'rpm':
    case 'zypper':
      return /-\d/.test(v) || /[=<>]/.test(v) || v.startsWith('@');
    case 'pip':
      return /[=<>!~@]/.test(v);
    case 'npm': {
      const at = v.lastIndexOf('@');
      if (at <= 0) return false;
      return !/^(latest|next|\*|x)?$/i.test(v.slice(at + 1));
    }
    case 'gem':
      return v.includes(':');
  }
}

export default defineRule({
  meta: {
    id: 'package-versions-unpinned',
    kinds: ['dockerfile'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Packages installed without a version make the image change whenever the repository does.',
      aka: ['DL3008', 'DL3018', 'DL3013', 'DL3016', 'DL3028', 'DL3041'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const { site, inv } of runCommands(doc)) {
      const pkg = packageCommand(inv);
      if (!pkg || !INSTALL[pkg.manager].has(pkg.subName)) continue;
      const option = (...names: string[]) => pkg.options.some((o) => names.includes(o.name));
      if (pkg.manager === 'npm' && !option('-g', '--global')) continue; // project installs are pinned by the lockfile
      if (pkg.manager === 'gem' && option('-v', '--version')) continue;
      const loose: ShellWord[] = pkg.operands.filter((w) => {
        if (w.dynamic || isReference(w.value)) return false;
        if (pkg.manager === 'pip' && /^pip$/i.test(w.value)) return false; // the installer upgrading itself
        return !pinned(pkg.manager, w.value);
      });
      if (loose.length === 0) continue;
      const names = loose.slice(0, 3).map((w) => w.value).join(', ') + (loose.length > 3 ? ` and ${loose.length - 3} more` : '');
      report({
        range: site.range(loose[0].start, loose[0].end),
        message: `${inv.name} ${pkg.subName} installs ${names} without a version, so rebuilds pick up whatever the repository serves. Pin versions (${EXAMPLE[pkg.manager]}).`,
      });
    }
  },
});

const EXAMPLE: Record<PackageCommand['manager'], string> = {
  apt: 'curl=8.5.0-2',
  apk: 'curl=8.9.1-r0',
  rpm: 'curl-8.6.0',
  zypper: 'curl-8.6.0',
  pip: 'requests==2.32.3, or a hashed requirements file',
  npm: 'typescript@5.6.3',
  gem: 'rails -v 7.2.1',
};
