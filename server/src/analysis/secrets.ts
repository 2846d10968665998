/**
 * The two gates of secret detection from the catalog: a name gate on keys and a value gate on
 * literals, plus detectors for credential formats that are secrets wherever they appear. The
 * patterns are linear (no nested quantifiers), so a hostile line cannot make them backtrack.
 */

const SECRET_SEGMENTS = new Set([
  'apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'pwd', 'pass',
  'passphrase', 'secret', 'token', 'bearer', 'private', 'privkey',
]);
const ALLOWED_SEGMENTS = new Set(['public', 'file', 'path', 'version', 'url', 'uri', 'endpoint', 'name', 'id', 'size', 'length', 'type']);
const WELL_KNOWN_NAMES = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN',
  'NPM_TOKEN', 'NODE_AUTH_TOKEN', 'PYPI_TOKEN', 'DOCKER_PASSWORD', 'DOCKERHUB_TOKEN', 'SLACK_TOKEN', 'SLACK_BOT_TOKEN',
  'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_API_KEY', 'GOOGLE_API_KEY', 'AZURE_CLIENT_SECRET',
  'HEROKU_API_KEY', 'SENDGRID_API_KEY', 'TWILIO_AUTH_TOKEN', 'DATADOG_API_KEY', 'DD_API_KEY', 'SENTRY_AUTH_TOKEN',
]);

const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
const isLower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined) => isUpper(c) || isLower(c) || c === '_';
const isIdentChar = (c: string | undefined) => isIdentStart(c) || isDigit(c);

/** `dbPassword` → db, password; `APIKey` → api, key; split at `_ - .` and spaces too. */
export function nameSegments(name: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '_' || c === '-' || c === '.' || c.trim() === '') {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    const prev = name[i - 1];
    const camel = isUpper(c) && (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(name[i + 1])));
    if (camel && current) {
      segments.push(current);
      current = '';
    }
    current += c;
  }
  if (current) segments.push(current);
  return segments.map((s) => s.toLowerCase());
}

/** Name gate: the key names a secret. `*_FILE` keys are the recommended pattern, never a finding. */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (/_FILE$/.test(upper)) return false;
  if (WELL_KNOWN_NAMES.has(upper)) return true;
  const segments = nameSegments(name);
  if (segments.some((s) => ALLOWED_SEGMENTS.has(s))) return false;
  return segments.some((s) => SECRET_SEGMENTS.has(s));
}

const PLACEHOLDER =
  /^(?:change[_-]?me|change[_-]?it|replace[_-]?me|placeholder|dummy|example|sample|todo|tbd|fixme|redacted|none|null|nil|undefined|xxx.*|\*+|\.{3,}|<[^>]*>|\[[^\]]*\]|your[_-].*|__.*__)$/i;

/** A value from a template or the environment: `${VAR}`, `$VAR`, `$(VAR)`, `{{ … }}`. */
export function isInterpolated(value: string): boolean {
  const lastClose = value.lastIndexOf('}');
  for (let i = value.indexOf('$'); i >= 0; i = value.indexOf('$', i + 1)) {
    const next = value[i + 1];
    if (next === '{' && lastClose > i + 1) return true;
    if (isIdentStart(next)) return true;
    if (next === '(' && isIdentStart(value[i + 2])) {
      let j = i + 3;
      while (isIdentChar(value[j])) j++;
      if (value[j] === ')') return true;
    }
  }
  // `{{ … }}` on one line.
  let close = -1;
  for (let open = value.indexOf('{{'); open >= 0; ) {
    if (close < open + 2) close = value.indexOf('}}', open + 2);
    if (close < 0) return false;
    const newline = value.indexOf('\n', open);
    if (newline < 0 || newline > close) return true;
    open = value.indexOf('{{', newline);
  }
  return false;
}

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return PLACEHOLDER.test(v) || /example/i.test(v) || /^(.)\1*$/.test(v);
}

/** Value gate: a literal that could be a real credential (not empty, templated, boolean or placeholder). */
export function isLiteralSecretValue(value: string | undefined | null): boolean {
  if (value === undefined || value === null) return false;
  const v = String(value).trim();
  if (!v) return false;
  if (isInterpolated(v)) return false;
  if (/^(?:true|false|yes|no|on|off)$/i.test(v)) return false;
  if (/^\d{1,7}$/.test(v)) return false;
  return !isPlaceholder(v);
}

export interface SecretMatch {
  start: number;
  end: number;
  /** Human name of the format, safe to show: never the value. */
  format: string;
}

const FORMATS: { format: string; pattern: RegExp; accept?: (value: string) => boolean }[] = [
  { format: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { format: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { format: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g },
  { format: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,64}\b/g },
  { format: 'Slack token', pattern: /\bxox[abpr]-[A-Za-z0-9-]{10,255}/g },
  { format: 'Stripe live key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,255}\b/g },
  { format: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { format: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { format: 'Docker Hub token', pattern: /\bdckr_pat_[A-Za-z0-9_-]{20,255}/g },
  { format: 'Anthropic API key', pattern: /\bsk-ant-[a-z]{3,6}\d{2}-[A-Za-z0-9_-]{40,255}/g },
  // One unambiguous token, then the checks in code: a regex with the marker in the middle of two
  // overlapping runs backtracks quadratically on a long line of `sk-` tokens.
  {
    format: 'OpenAI API key',
    pattern: /\bsk-[A-Za-z0-9_-]{20,600}(?![A-Za-z0-9_-])/g,
    accept: (v) => hasOpenAiMarker(v.replace(/^sk-(?:(?:proj|svcacct|admin)-)?/, '')) || (v.startsWith('sk-proj-') && v.length >= 48),
  },
  { format: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g },
  { format: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,4096}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,4096}/g },
];

/** Legacy OpenAI keys carry `T3BlbkFJ` with at least 20 characters on each side. */
function hasOpenAiMarker(body: string): boolean {
  for (let at = body.indexOf('T3BlbkFJ'); at >= 0; at = body.indexOf('T3BlbkFJ', at + 1)) {
    if (at >= 20 && body.length - at - 8 >= 20) return true;
  }
  return false;
}

/** Published example credentials (AWS docs, jwt.io) are not secrets. */
const DOCUMENTED_EXAMPLES = [/EXAMPLE/, /SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c/];

/** Credential formats in a piece of text, by offset. Quick prefilter keeps the common case cheap. */
export function findKnownSecrets(text: string): SecretMatch[] {
  if (!/AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abpr]-|k_live_|AIza|npm_|dckr_pat_|sk-|PRIVATE KEY|eyJ/.test(text)) return [];
  const out: SecretMatch[] = [];
  for (const { format, pattern, accept } of FORMATS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = m[0];
      if (accept && !accept(value)) continue;
      if (DOCUMENTED_EXAMPLES.some((e) => e.test(value))) continue;
      if (format !== 'private key' && isLowEntropy(value)) continue;
      out.push({ start: m.index, end: m.index + value.length, format });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `ghp_xxxxxxxx…` is a placeholder, not a token: the body after the prefix repeats one character. */
function isLowEntropy(value: string): boolean {
  const body = value.replace(/^[A-Za-z]+[_-](?:[a-z]+[_-])?/, '');
  return new Set(body).size <= 2;
}
