/**
 * Compose interpolation, as Compose reads values: `${VAR}`, `${VAR:-default}`, `$VAR` are
 * variables (not literals a rule may judge), `$$` is an escaped dollar sign.
 */

/** True when a value refers to a variable; `$$` (an escaped `$`) does not count. */
export function isInterpolated(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$') continue;
    const next = value[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next === '{' || (next !== undefined && /[A-Za-z_]/.test(next))) return true;
  }
  return false;
}

/** Undoes Compose's `$$` escape. */
export function unescapeDollars(value: string): string {
  return value.replace(/\$\$/g, '$');
}

/**
 * Splits on a separator character outside `${…}` interpolations, so `${IP:-127.0.0.1}:80:80`
 * has three parts. Returns the parts and the offset of each in the value.
 */
export function splitOutsideInterpolation(value: string, separator: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '$' && value[i + 1] === '$') {
      i++;
    } else if (c === '$' && value[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) {
      depth--;
    } else if (c === separator && depth === 0) {
      parts.push({ text: value.slice(start, i), at: start });
      start = i + 1;
    }
  }
  parts.push({ text: value.slice(start), at: start });
  return parts;
}
