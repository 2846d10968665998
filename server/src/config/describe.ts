import { relative } from 'node:path';
import { activeRules } from '../engine/registry';
import type { FileKind, FileKindOrUnknown } from '../engine/types';
import type { Resolution } from './resolve';

const KINDS: FileKind[] = ['dockerfile', 'compose', 'kubernetes'];

/** "Show active rules for this file": where the policy comes from and every rule in force, as Markdown. */
export function describeActiveRules(filePath: string, kind: FileKindOrUnknown, resolution: Resolution): string {
  const { config, rulesFile, ignored } = resolution;
  const out: string[] = [`# Shipshape: active rules for ${filePath}`, ''];
  if (rulesFile) {
    out.push(`- Rules file: \`${rulesFile.path}\``);
    if (rulesFile.problems.length > 0) out.push(`- The rules file has ${rulesFile.problems.length} problem(s); the last good values stay in force for the broken parts.`);
    const rel = relative(rulesFile.dir, filePath).split('\\').join('/');
    const matching = rulesFile.data.overrides.flatMap((o, i) => (rulesFile.overrideMatchers[i](rel) ? [`#${i + 1} (${o.files.join(', ')})`] : []));
    if (matching.length > 0) out.push(`- Overrides applied, in order: ${matching.join('; ')}`);
  } else {
    out.push('- No rules file: the profile from the settings applies (`Shipshape: Create rules file` writes one).');
  }
  out.push(`- Profile: ${config.profile}`);
  if (config.trustedRegistries) out.push(`- Trusted registries: ${config.trustedRegistries.join(', ') || '(none)'}`);
  out.push(`- Inline ignore comments: ${config.allowInlineIgnores ? 'allowed' : 'refused'}`);
  if (ignored) {
    out.push('', 'This file matches `ignorePaths`: it is not linted.');
    return out.join('\n') + '\n';
  }
  const kinds = kind === 'unknown' ? KINDS : [kind];
  for (const k of kinds) {
    out.push('', `## ${k}`, '', '| rule | severity | set by | options |', '|---|---|---|---|');
    for (const active of activeRules(k, config)) {
      const severity = active.userSeverity ?? active.defaultSeverity;
      const options = Object.keys(active.options).length > 0 ? `\`${JSON.stringify(active.options)}\`` : '';
      out.push(`| ${active.rule.meta.id} | ${severity} | ${active.userSeverity ? 'rules file' : `${config.profile} profile`} | ${options} |`);
    }
    const off = Object.entries(config.rules).filter(([, s]) => s.level === 'off').map(([id]) => id);
    if (off.length > 0) out.push('', `Turned off by the rules file: ${off.join(', ')}`);
  }
  return out.join('\n') + '\n';
}
