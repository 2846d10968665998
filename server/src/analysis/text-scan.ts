/**
 * Small string scans written as loops. Patterns such as `x+$` or `^(.*?)(\d+)$` backtrack
 * quadratically on long runs of `x` (a regex engine retries the run from every start), so the
 * engine trims and splits with these instead.
 */

/** The string without the given characters at its end. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The string without the given characters at either end. */
export function trimChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start++;
  return trimEndChars(text.slice(start), chars);
}

/** `CKV_K8S_10` → [`CKV_K8S_`, `10`]; undefined when the text does not end in digits. */
export function splitTrailingDigits(text: string): [string, string] | undefined {
  let start = text.length;
  while (start > 0 && text.charCodeAt(start - 1) >= 48 && text.charCodeAt(start - 1) <= 57) start--;
  return start < text.length ? [text.slice(0, start), text.slice(start)] : undefined;
}

/** The text before the first of the given characters (all of it when none occurs). */
export function cutAtFirst(text: string, chars: string): string {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i])) return text.slice(0, i);
  return text;
}
