import { removeWordsEdit } from '../analysis/shell/edits';
import { runCommands } from '../analysis/shell/run-commands';
import type { ShellWord } from '../analysis/shell/parser';
import { defineRule } from '../engine/rule';
import type { Fix } from '../engine/types';

/** Flags that install packages whose signatures were not verified, per package manager. */
const FLAGS: Record<string, Set<string>> = {
  apk: new Set(['--allow-untrusted']),
  apt: new Set(['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories']),
  rpm: new Set(['--nogpgcheck']),
  rpmcli: new Set(['--nosignature', '--nodigest', '--noverify']),
  zypper: new Set(['--no-gpg-checks']),
};
const MANAGER: Record<string, string> = {
  apk: 'apk', 'apt-get': 'apt', apt: 'apt', aptitude: 'apt', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', tdnf: 'rpm', rpm: 'rpmcli', zypper: 'zypper',
};
/** Option values with the same effect: `-o APT::Get::AllowUnauthenticated=true`, `--setopt=gpgcheck=0`. */
const APT_OPTION = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)=(true|1|yes)$/i;
const RPM_SETOPT = /^([\w.-]+\.)?(gpgcheck|repo_gpgcheck)=(0|false|no)$/i;

export default defineRule({
  meta: {
    id: 'package-signature-bypass',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Package manager flags that skip signature checks let a tampered or spoofed package into the image.',
      aka: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const { site, inv } of runCommands(doc)) {
      const manager = MANAGER[inv.name];
      if (!manager) continue;
      const args = inv.argv.slice(1);
      for (let i = 0; i < args.length; i++) {
        const w = args[i];
        let words: ShellWord[] | undefined;
        if (FLAGS[manager].has(w.value)) words = [w];
        else if (manager === 'apt' && w.value === '-o' && args[i + 1] && APT_OPTION.test(args[i + 1].value)) words = [w, args[i + 1]];
        else if (manager === 'apt' && /^-o.+/.test(w.value) && APT_OPTION.test(w.value.slice(2))) words = [w];
        else if (manager === 'rpm' && w.value.startsWith('--setopt=') && RPM_SETOPT.test(w.value.slice(9))) words = [w];
        else if (manager === 'rpm' && w.value === '--setopt' && args[i + 1] && RPM_SETOPT.test(args[i + 1].value)) words = [w, args[i + 1]];
        if (!words) continue;
        const text = words.map((x) => x.value).join(' ');
        const edit = removeWordsEdit(site, words);
        const fixes: Fix[] = edit ? [{ title: `Remove ${text} (changes behaviour: unsigned packages are refused)`, edits: [edit], safe: false }] : [];
        report({
          range: site.range(words[0].start, words[words.length - 1].end),
          message: `${inv.name} ${text} installs packages without verifying their signatures. Remove it and import the repository's signing key instead.`,
          fixes,
        });
        i += words.length - 1;
      }
    }
  },
});
