import { isLiteralSecretValue } from '../secrets';
import { invocation } from './commands';
import type { ShellAnalysis, ShellWord } from './parser';

/** A credential written on a command line: the word holding it and what it is (never the value). */
export interface SecretHit {
  word: ShellWord;
  what: string;
}

const LOGIN_TOOLS = new Set(['docker', 'podman', 'buildah', 'nerdctl', 'helm', 'skopeo', 'oras', 'crane', 'regctl']);
const MYSQL_TOOLS = new Set(['mysql', 'mysqladmin', 'mysqldump', 'mariadb', 'mariadb-admin', 'mariadb-dump']);
/** `--name=value` options that carry a credential, whatever the command. */
const SECRET_OPTION = /^--(password|passwd|pass|token|api-?key|api-token|auth-token|access-token|secret|client-secret|secret-key|private-token)=(.*)$/is;

const literal = (w: ShellWord | undefined, value = w?.value): boolean => !!w && !w.dynamic && isLiteralSecretValue(value);

/** Credentials on the command lines of one analysed script (or one argv). */
export function secretHits(analysis: ShellAnalysis): SecretHit[] {
  const hits: SecretHit[] = [];
  const { commands } = analysis;
  commands.forEach((cmd) => {
    const inv = invocation(cmd) ?? { name: '', argv: cmd.argv, wrappers: [] };
    const args = inv.argv.slice(1);
    const values = args.map((w) => w.value);
    if (inv.name === 'aws' && values[0] === 'configure' && values[1] === 'set' && /^(aws_secret_access_key|aws_session_token)$/i.test(values[2] ?? '') && literal(args[3])) {
      hits.push({ word: args[3], what: `aws configure set ${values[2]}` });
    }
    if (LOGIN_TOOLS.has(inv.name) && values.some((v) => v === 'login' || v === 'registry')) {
      args.forEach((w, i) => {
        if ((w.value === '-p' || w.value === '--password') && literal(args[i + 1])) hits.push({ word: args[i + 1], what: `${inv.name} login ${w.value}` });
      });
    }
    if (inv.name === 'curl') {
      args.forEach((w, i) => {
        const value = w.value === '-u' || w.value === '--user' ? args[i + 1] : w.value.startsWith('-u') && w.value.length > 2 && !w.value.startsWith('--') ? { ...w, value: w.value.slice(2) } : undefined;
        const colon = value ? value.value.indexOf(':') : -1;
        if (value && colon > 0 && literal(value as ShellWord, value.value.slice(colon + 1))) hits.push({ word: w.value.startsWith('-u') && w.value.length > 2 ? w : (value as ShellWord), what: 'curl -u user:password' });
      });
    }
    if (MYSQL_TOOLS.has(inv.name)) {
      for (const w of args) if (/^-p.+/.test(w.value) && literal(w, w.value.slice(2))) hits.push({ word: w, what: `${inv.name} -p<password>` });
    }
    if (inv.name === 'sshpass') {
      args.forEach((w, i) => {
        if (w.value === '-p' && literal(args[i + 1])) hits.push({ word: args[i + 1], what: 'sshpass -p' });
        else if (/^-p.+/.test(w.value) && literal(w, w.value.slice(2))) hits.push({ word: w, what: 'sshpass -p' });
      });
    }
    if ((inv.name === 'npm' || inv.name === 'yarn' || inv.name === 'pnpm') && values.includes('set')) {
      args.forEach((w, i) => {
        const eq = w.value.indexOf('=');
        const m = /:_(authToken|auth|password)$/.exec(eq < 0 ? w.value : w.value.slice(0, eq));
        if (!m) return;
        if (eq >= 0 ? literal(w, w.value.slice(eq + 1)) : literal(args[i + 1])) hits.push({ word: eq >= 0 ? w : args[i + 1], what: `${inv.name} config _${m[1]}` });
      });
    }
    if ((inv.name === 'echo' || inv.name === 'printf') && cmd.redirects.some((r) => r.op.startsWith('>') && /(^|\/)\.npmrc$/.test(r.target?.value ?? ''))) {
      for (const w of args) {
        const m = /_(authToken|auth|password)=([^\s]*)/.exec(w.value);
        if (m && !w.value.includes('${') && literal({ ...w, dynamic: false }, m[2])) hits.push({ word: w, what: `_${m[1]} written to .npmrc` });
      }
    }
    // Any command (and Kubernetes `args` alone, whose command is the image's): `--password=…`.
    for (const w of cmd.argv) {
      if (hits.some((h) => h.word.start === w.start && h.word.end === w.end)) continue;
      const m = SECRET_OPTION.exec(w.value);
      if (m && literal(w, m[2])) hits.push({ word: w, what: `--${m[1]}=…` });
    }
  });
  // echo 'user:password' | chpasswd
  for (const p of analysis.pipelines) {
    const sinkStage = p.stages.findIndex((stage) => stage.some((i) => invocation(commands[i])?.name === 'chpasswd'));
    if (sinkStage <= 0) continue;
    for (const i of p.stages.slice(0, sinkStage).flat()) {
      const inv = invocation(commands[i]);
      if (!inv || (inv.name !== 'echo' && inv.name !== 'printf')) continue;
      for (const w of inv.argv.slice(1)) {
        const colon = w.value.indexOf(':');
        if (colon > 0 && !w.dynamic && isLiteralSecretValue(w.value.slice(colon + 1).replace(/\\n$/, '').trim())) hits.push({ word: w, what: 'a password piped into chpasswd' });
      }
    }
  }
  return dedupe(hits);
}

function dedupe(hits: SecretHit[]): SecretHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.word.start}:${h.word.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
