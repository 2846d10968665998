import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// `import x = require()` makes esbuild pick web-tree-sitter's CJS build; the ESM build's
// createRequire(import.meta.url) does not survive a CJS bundle.
import TreeSitter = require('web-tree-sitter');
import type { Node } from 'web-tree-sitter';

/**
 * Shell analysis on tree-sitter-bash (WebAssembly): one asynchronous `initShellParser()` at start,
 * then `analyzeShell()` is synchronous, never throws on malformed input (it yields a partial tree)
 * and reports UTF-16 offsets into the text it was given, as the editor counts them.
 */

let parser: TreeSitter.Parser | undefined;
let initializing: Promise<void> | undefined;

/** Where the two .wasm files are: beside the bundle (dist/), else in node_modules (running from source). */
function wasmPath(file: string, packageFile: string): string {
  const beside = join(__dirname, file);
  if (existsSync(beside)) return beside;
  return require.resolve(packageFile);
}

/** Loads the parser once; later calls return the same promise. */
export function initShellParser(): Promise<void> {
  if (!initializing) {
    initializing = (async () => {
      await TreeSitter.Parser.init({ wasmBinary: readFileSync(wasmPath('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm')) });
      const bash = await TreeSitter.Language.load(readFileSync(wasmPath('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm')));
      const p = new TreeSitter.Parser();
      p.setLanguage(bash);
      parser = p;
    })();
    initializing.catch(() => (initializing = undefined));
  }
  return initializing;
}

/** Whether `analyzeShell` can run; shell-based rules skip while it cannot. */
export function shellParserReady(): boolean {
  return parser !== undefined;
}

export interface ShellWord {
  /** The word with quotes and escapes removed; expansions and substitutions keep their source text. */
  value: string;
  start: number;
  end: number;
  /** Holds `$VAR`, `${…}`, `$(…)`, globs or braces: the value is not known before run time. */
  dynamic: boolean;
}

export interface ShellRedirect {
  op: string;
  target?: ShellWord;
}

export interface ShellCommand {
  argv: ShellWord[];
  /** `NAME=value` prefixes (and the assignments of `export`/`declare`). */
  assigns: { name: string; value?: ShellWord; start: number; end: number }[];
  redirects: ShellRedirect[];
  start: number;
  end: number;
  pipeline?: { id: number; stage: number; of: number };
  /** Nesting depth in `$(…)` / `<(…)`: 0 at the top level. */
  depth: number;
  /** Index of the command whose word holds the substitution this command runs in. */
  parent?: number;
}

export interface ShellPipeline {
  id: number;
  start: number;
  end: number;
  /** Command indices per stage (a stage may be a group or a loop holding several commands). */
  stages: number[][];
  depth: number;
}

export interface ShellHeredoc {
  delimiter: string;
  /** Quoted delimiters (`<<'EOF'`) keep the body literal. */
  quoted: boolean;
  bodyStart: number;
  bodyEnd: number;
  /** Index of the command the heredoc feeds; undefined for a bare `<<EOF` with no command. */
  command?: number;
}

export interface ShellAnalysis {
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  heredocs: ShellHeredoc[];
  /** `&&` / `||` list operators, in order. */
  lists: { op: '&&' | '||'; start: number }[];
  /** The text did not parse completely; what did parse is still analysed. */
  hasError: boolean;
}

const unquoted = (s: string) => s.replace(/\\(\n|[\s\S])/g, (_, c: string) => (c === '\n' ? '' : c));
const inDoubleQuotes = (s: string) => s.replace(/\\([$`"\\\n])/g, (_, c: string) => (c === '\n' ? '' : c));

const WORDISH = new Set([
  'word', 'string', 'raw_string', 'ansi_c_string', 'translated_string', 'concatenation', 'number',
  'simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion', 'brace_expression',
]);

interface Ctx {
  pipeline?: ShellCommand['pipeline'];
  depth: number;
  parent?: number;
}

/** Parses a shell script. Offsets in the result are indices into `src`. Requires `initShellParser()`. */
export function analyzeShell(src: string): ShellAnalysis {
  if (!parser) throw new Error('initShellParser() has not completed');
  const tree = parser.parse(src);
  const out: ShellAnalysis = { commands: [], pipelines: [], heredocs: [], lists: [], hasError: false };
  if (!tree) return { ...out, hasError: true };
  out.hasError = tree.rootNode.hasError;

  const word = (n: Node, ctx: Ctx, owner?: number): ShellWord => {
    let dynamic = false;
    const val = (n: Node, dq: boolean): string => {
      switch (n.type) {
        case 'word':
          if (!dq && /[*?[]/.test(n.text)) dynamic = true;
          return dq ? inDoubleQuotes(n.text) : unquoted(n.text);
        case 'number':
          return n.text;
        case 'raw_string':
          return n.text.slice(1, -1);
        case 'ansi_c_string':
          return n.text.slice(2, -1);
        case 'string':
        case 'translated_string':
        case 'concatenation': {
          const quoted = n.type !== 'concatenation';
          let pos = n.startIndex + (n.type === 'translated_string' ? 2 : quoted ? 1 : 0);
          const end = n.endIndex - (quoted ? 1 : 0);
          const gap = (a: number, b: number) => (quoted || dq ? inDoubleQuotes(src.slice(a, b)) : unquoted(src.slice(a, b)));
          let s = '';
          for (const c of n.namedChildren) {
            if (!c || c.type === 'string_content') continue;
            if (c.startIndex > pos) s += gap(pos, c.startIndex);
            s += val(c, quoted || dq);
            pos = c.endIndex;
          }
          if (end > pos) s += gap(pos, end);
          return s;
        }
        case 'command_substitution':
        case 'process_substitution':
          dynamic = true;
          for (const c of n.namedChildren) if (c) visit(c, { depth: ctx.depth + 1, parent: owner });
          return n.text;
        default:
          // $VAR, ${…}, $((…)), {a,b}: keep the source text; they may hold substitutions.
          dynamic = true;
          for (const c of n.namedChildren) if (c) visit(c, { ...ctx, parent: owner ?? ctx.parent });
          return n.text;
      }
    };
    return { value: val(n, false), start: n.startIndex, end: n.endIndex, dynamic };
  };

  const newCommand = (n: Node, ctx: Ctx): [ShellCommand, number] => {
    const cmd: ShellCommand = { argv: [], assigns: [], redirects: [], start: n.startIndex, end: n.endIndex, pipeline: ctx.pipeline, depth: ctx.depth, parent: ctx.parent };
    out.commands.push(cmd);
    return [cmd, out.commands.length - 1];
  };

  const assignment = (a: Node, cmd: ShellCommand, ctx: Ctx, index: number): void => {
    const name = a.childForFieldName('name');
    const v = a.childForFieldName('value');
    const value = v && WORDISH.has(v.type) ? word(v, ctx, index) : undefined;
    if (v && !WORDISH.has(v.type)) visit(v, { ...ctx, parent: index });
    cmd.assigns.push({ name: name?.text ?? '', value, start: a.startIndex, end: a.endIndex });
  };

  const redirect = (r: Node, cmd: ShellCommand, index: number | undefined, ctx: Ctx): void => {
    const op = r.children.find((c) => c && !c.isNamed)?.type ?? '';
    if (r.type === 'heredoc_redirect') {
      const startTok = r.namedChildren.find((c) => c?.type === 'heredoc_start');
      const body = r.namedChildren.find((c) => c?.type === 'heredoc_body');
      const delimiter = startTok?.text ?? '';
      out.heredocs.push({
        delimiter: delimiter.replace(/^["']|["']$/g, ''),
        quoted: /["'\\]/.test(delimiter),
        bodyStart: body?.startIndex ?? r.endIndex,
        bodyEnd: body?.endIndex ?? r.endIndex,
        command: index,
      });
      cmd.redirects.push({ op, target: startTok ? { value: delimiter, start: startTok.startIndex, end: startTok.endIndex, dynamic: false } : undefined });
      // tree-sitter-bash keeps what follows `<<EOF` on its line inside the redirect: `| sh` is the
      // rest of a pipeline whose first stage is the command, `&& x` the rest of a list.
      let listed = false;
      for (const c of r.children) {
        if (!c || c.type === 'heredoc_start' || c.type === 'heredoc_body' || c.type === 'heredoc_end') continue;
        if (!c.isNamed) {
          if (c.type === '&&' || c.type === '||') {
            listed = true;
            out.lists.push({ op: c.type, start: c.startIndex });
          }
          continue;
        }
        if (c.type.endsWith('redirect')) redirect(c, cmd, index, ctx);
        else if (c.type === 'pipeline' && !listed && index !== undefined) pipeline(c.namedChildren.filter((x): x is Node => !!x), ctx, cmd.start, c.endIndex, index);
        else visit(c, ctx);
      }
      if (body) for (const c of body.namedChildren) if (c) visit(c, { depth: ctx.depth + 1, parent: index });
      return;
    }
    const dest = r.childForFieldName('destination') ?? r.namedChildren.find((c) => c && WORDISH.has(c.type));
    cmd.redirects.push({ op, target: dest ? word(dest, ctx, index) : undefined });
  };

  /** Flattens `a | b 2>&1 | c` (a pipeline nested in a redirected statement) into one list of stages. */
  const stagesOf = (nodes: Node[], ctx: Ctx, into: Node[]): Node[] => {
    for (const n of nodes) {
      if (n.type.endsWith('redirect')) continue;
      const body = n.type === 'redirected_statement' ? n.childForFieldName('body') : null;
      if (n.type === 'pipeline') stagesOf(n.namedChildren.filter((x): x is Node => !!x), ctx, into);
      else if (body?.type === 'pipeline') {
        stagesOf([body], ctx, into);
        for (const r of n.namedChildren) if (r && r.type.endsWith('redirect')) visit(r, ctx);
      } else into.push(n);
    }
    return into;
  };

  const pipeline = (nodes: Node[], ctx: Ctx, start: number, end: number, leading?: number): void => {
    const id = out.pipelines.length;
    const stages = stagesOf(nodes, ctx, []);
    const of = stages.length + (leading === undefined ? 0 : 1);
    const record: ShellPipeline = { id, start, end, stages: [], depth: ctx.depth };
    out.pipelines.push(record);
    if (leading !== undefined) {
      out.commands[leading].pipeline = { id, stage: 0, of };
      record.stages.push([leading]);
    }
    const offset = leading === undefined ? 0 : 1;
    stages.forEach((stage, i) => {
      const first = out.commands.length;
      visit(stage, { ...ctx, pipeline: { id, stage: i + offset, of } });
      const own: number[] = [];
      for (let k = first; k < out.commands.length; k++) if (out.commands[k].pipeline?.id === id) own.push(k);
      record.stages.push(own);
    });
  };

  const visit = (n: Node, ctx: Ctx): void => {
    switch (n.type) {
      case 'command': {
        const [cmd, index] = newCommand(n, ctx);
        for (const c of n.namedChildren) {
          if (!c) continue;
          if (c.type === 'command_name') {
            if (c.firstNamedChild) cmd.argv.push(word(c.firstNamedChild, ctx, index));
          } else if (c.type === 'variable_assignment') assignment(c, cmd, ctx, index);
          else if (c.type.endsWith('redirect')) redirect(c, cmd, index, ctx);
          else if (WORDISH.has(c.type)) cmd.argv.push(word(c, ctx, index));
          else visit(c, { ...ctx, parent: index });
        }
        return;
      }
      case 'declaration_command':
      case 'unset_command': {
        const [cmd, index] = newCommand(n, ctx);
        const keyword = n.child(0);
        if (keyword) cmd.argv.push({ value: keyword.text, start: keyword.startIndex, end: keyword.endIndex, dynamic: false });
        for (const c of n.namedChildren) {
          if (!c) continue;
          if (c.type === 'variable_assignment') assignment(c, cmd, ctx, index);
          else if (WORDISH.has(c.type)) cmd.argv.push(word(c, ctx, index));
          else visit(c, { ...ctx, parent: index });
        }
        return;
      }
      case 'variable_assignment':
      case 'variable_assignments': {
        const [cmd, index] = newCommand(n, ctx);
        for (const a of n.type === 'variable_assignment' ? [n] : n.namedChildren) if (a) assignment(a, cmd, ctx, index);
        return;
      }
      case 'redirected_statement': {
        const body = n.childForFieldName('body');
        const redirects = n.namedChildren.filter((c): c is Node => !!c && c.type.endsWith('redirect'));
        const first = out.commands.length;
        if (body) visit(body, ctx);
        let owner: ShellCommand;
        let index: number | undefined;
        if (body && out.commands.length > first && out.commands[first].start === body.startIndex && body.type === 'command') {
          owner = out.commands[first];
          index = first;
        } else if (!body) {
          [owner, index] = newCommand(n, ctx); // a bare `<<EOF` or `> file`
        } else {
          owner = { argv: [], assigns: [], redirects: [], start: n.startIndex, end: n.endIndex, depth: ctx.depth };
        }
        for (const r of redirects) redirect(r, owner, index, ctx);
        return;
      }
      case 'pipeline':
        pipeline(n.namedChildren.filter((x): x is Node => !!x), ctx, n.startIndex, n.endIndex);
        return;
      case 'list': {
        const op = n.children.find((c) => c && !c.isNamed && (c.type === '&&' || c.type === '||'));
        if (op) out.lists.push({ op: op.type as '&&' | '||', start: op.startIndex });
        for (const c of n.namedChildren) if (c) visit(c, ctx);
        return;
      }
      default:
        if (WORDISH.has(n.type)) {
          word(n, ctx);
          return;
        }
        for (const c of n.namedChildren) if (c) visit(c, ctx);
    }
  };

  try {
    visit(tree.rootNode, { depth: 0 });
  } finally {
    tree.delete(); // trees live in WebAssembly memory
  }
  return out;
}
