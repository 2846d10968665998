import { findKnownSecrets, isInterpolated, isPlaceholder } from './secrets';

/** A `scheme://user:password@host` URL whose password is a literal, located by offsets into the scanned text. */
export interface UrlPassword {
  /** Offsets of the password (between `user:` and `@`). */
  start: number;
  end: number;
  scheme: string;
  host: string;
}

// Bounded classes with disjoint delimiters (`:` ends the user, `@` ends the password), so the
// scan is linear in the input: no nested or unbounded quantifiers to backtrack over.
const URL_WITH_PASSWORD = /\b([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\/([^\s:@/?#'"`<>\\]{0,256}):([^\s@/?#'"`<>\\]{1,256})@([A-Za-z0-9[][^\s/?#:'"`<>@\\]{0,254})/g;

/** Words documentation uses in place of a real password (`postgres://user:password@db`). */
const PLACEHOLDER_PASSWORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'pw', 'x', 'redacted', 'changeme', 'token']);

/**
 * Literal passwords in URLs. Variables (`${DB_PASSWORD}`, `$PW`, `$(PW)`, `{{ .pw }}`), placeholders
 * (`password`, `<password>`, `****`) and credentials in a known format (reported by `secret-value`)
 * are skipped.
 */
export function findUrlPasswords(text: string): UrlPassword[] {
  if (!text.includes('://')) return [];
  const out: UrlPassword[] = [];
  URL_WITH_PASSWORD.lastIndex = 0;
  for (let m = URL_WITH_PASSWORD.exec(text); m; m = URL_WITH_PASSWORD.exec(text)) {
    const [whole, scheme, user, password, host] = m;
    const start = m.index + scheme.length + 3 + user.length + 1;
    const end = start + password.length;
    URL_WITH_PASSWORD.lastIndex = m.index + whole.length;
    if (!isLiteralPassword(password)) continue;
    out.push({ start, end, scheme: scheme.toLowerCase(), host });
  }
  return out;
}

function isLiteralPassword(password: string): boolean {
  if (password.includes('$') || password.includes('{{')) return false;
  if (PLACEHOLDER_PASSWORDS.has(password.toLowerCase())) return false;
  if (isInterpolated(password) || isPlaceholder(password)) return false;
  return findKnownSecrets(password).length === 0;
}
