import { parseArgs, type Invocation } from './commands';
import type { ShellWord } from './parser';

/** Package managers: which subcommands install, upgrade everything, and which options take a value. */
export interface PackageCommand {
  manager: 'apt' | 'apk' | 'rpm' | 'pip' | 'npm' | 'gem' | 'zypper';
  /** The subcommand word (`install`, `add`, `upgrade`); undefined for `rpm -i`. */
  sub?: ShellWord;
  subName: string;
  options: { word: ShellWord; name: string; value?: ShellWord }[];
  operands: ShellWord[];
}

const APT_VALUED = new Set(['-o', '-c', '-t', '--target-release', '--default-release', '--option', '--config-file']);
const APK_VALUED = new Set(['-X', '--repository', '-p', '--root', '--keys-dir', '--repositories-file', '--arch', '--cache-dir', '-t', '--virtual']);
const RPM_VALUED = new Set(['--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot', '-c', '--config', '-x', '--exclude', '--repo', '--repofrompath', '--nodocs-x']);
const PIP_VALUED = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--src', '--cache-dir', '--progress-bar', '--log', '--proxy', '--retries', '--timeout', '--cert', '--client-cert', '--only-binary', '--no-binary', '--upgrade-strategy', '--config-settings', '-C', '--global-option', '--python', '--report']);
const NPM_VALUED = new Set(['--prefix', '--registry', '--cache', '--userconfig', '--tag', '--omit', '--include', '-w', '--workspace']);
const GEM_VALUED = new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy', '-g', '--file']);
const ZYPPER_VALUED = new Set(['-r', '--repo', '--from', '-t', '--type']);

const MANAGERS: Record<string, { manager: PackageCommand['manager']; valued: Set<string> }> = {
  'apt-get': { manager: 'apt', valued: APT_VALUED },
  apt: { manager: 'apt', valued: APT_VALUED },
  aptitude: { manager: 'apt', valued: APT_VALUED },
  apk: { manager: 'apk', valued: APK_VALUED },
  yum: { manager: 'rpm', valued: RPM_VALUED },
  dnf: { manager: 'rpm', valued: RPM_VALUED },
  microdnf: { manager: 'rpm', valued: RPM_VALUED },
  tdnf: { manager: 'rpm', valued: RPM_VALUED },
  pip: { manager: 'pip', valued: PIP_VALUED },
  npm: { manager: 'npm', valued: NPM_VALUED },
  gem: { manager: 'gem', valued: GEM_VALUED },
  zypper: { manager: 'zypper', valued: ZYPPER_VALUED },
};

/** `apt-get -y install curl` → manager apt, subcommand install, operands [curl]. `python3 -m pip install` counts as pip. */
export function packageCommand(inv: Invocation): PackageCommand | undefined {
  let name = inv.name;
  let args = inv.argv.slice(1);
  if (/^pip\d*(\.\d+)?$/.test(name)) name = 'pip';
  else if (/^python\d*(\.\d+)?$/.test(name) && args[0]?.value === '-m' && /^pip\d*$/.test(args[1]?.value ?? '')) {
    name = 'pip';
    args = args.slice(2);
  }
  const spec = MANAGERS[name];
  if (!spec) return undefined;
  const parsed = parseArgs(args, spec.valued);
  const sub = parsed.operands[0];
  if (!sub || sub.dynamic) return undefined;
  return { manager: spec.manager, sub, subName: sub.value, options: parsed.options, operands: parsed.operands.slice(1) };
}
