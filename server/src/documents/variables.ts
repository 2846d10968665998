/** A variable reference in Dockerfile / Compose text: `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME+word}`. */
export interface VariableRef {
  start: number;
  end: number;
  name: string;
  /** `-` for a default (`:-` / `-`), `+` for an alternative (`:+` / `+`). */
  op?: '-' | '+';
  word?: string;
}

const isWordChar = (c: string | undefined) => c !== undefined && /^\w$/.test(c);

/**
 * The references in a value, left to right, found in one pass (a regex with `[^}]*` rescans the
 * rest of the text after every unclosed `${`, which is quadratic on hostile input).
 */
export function variableRefs(value: string): VariableRef[] {
  const out: VariableRef[] = [];
  let nextClose = -2; // the first `}` at or after some position; -1: none left
  const closeAfter = (from: number) => {
    if (nextClose === -1) return -1;
    if (nextClose < from) nextClose = value.indexOf('}', from);
    return nextClose;
  };
  let i = value.indexOf('$');
  while (i >= 0) {
    let resume = i + 1;
    if (value[i + 1] === '{') {
      let j = i + 2;
      while (isWordChar(value[j])) j++;
      const name = value.slice(i + 2, j);
      if (name && value[j] === '}') {
        out.push({ start: i, end: j + 1, name });
        resume = j + 1;
      } else if (name) {
        const k = value[j] === ':' ? j + 1 : j;
        const op = value[k];
        const close = op === '-' || op === '+' ? closeAfter(k + 1) : -1;
        if (close >= 0) {
          out.push({ start: i, end: close + 1, name, op: op as '-' | '+', word: value.slice(k + 1, close) });
          resume = close + 1;
        }
      }
    } else {
      let j = i + 1;
      while (isWordChar(value[j])) j++;
      if (j > i + 1) {
        out.push({ start: i, end: j, name: value.slice(i + 1, j) });
        resume = j;
      }
    }
    i = value.indexOf('$', resume);
  }
  return out;
}
