/** One string of an exec-form JSON array, with its offsets (quotes included) in the scanned text. */
export interface ExecString {
  value: string;
  start: number;
  end: number;
  /** The raw text between the quotes equals the value: offsets inside it map one to one. */
  plain: boolean;
}

/**
 * Reads `["a", "b"]` the way Docker decides between exec and shell form: a JSON array of strings
 * (line continuations allowed between elements) is exec form; anything else is shell form, so
 * this returns undefined. Linear: one pass, no regular expressions over the whole text.
 */
export function parseExecForm(text: string, escape: string): ExecString[] | undefined {
  let i = 0;
  const n = text.length;
  const skip = () => {
    for (;;) {
      while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
      if (i < n && text[i] === escape) {
        let j = i + 1;
        while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
        if (j < n && text[j] === '\n') {
          i = j + 1;
          continue;
        }
      }
      return;
    }
  };
  skip();
  if (text[i] !== '[') return undefined;
  i++;
  const out: ExecString[] = [];
  skip();
  if (text[i] === ']') {
    i++;
    skip();
    return i === n ? out : undefined;
  }
  for (;;) {
    skip();
    if (text[i] !== '"') return undefined;
    const start = i;
    i++;
    let plain = true;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\n') return undefined;
      if (text[i] === '\\') {
        plain = false;
        i++;
      }
      i++;
    }
    if (i >= n) return undefined;
    i++;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, i));
    } catch {
      return undefined;
    }
    if (typeof value !== 'string') return undefined;
    out.push({ value, start, end: i, plain });
    skip();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] !== ']') return undefined;
    i++;
    skip();
    return i === n ? out : undefined;
  }
}
