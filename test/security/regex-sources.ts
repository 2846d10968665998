import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A regular expression written in the product's source. */
export interface SourceRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

const ROOT = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Every regex literal and every `new RegExp('literal')` / `RegExp('literal')` in the server's
 * sources (engine, documents, analysis, rules, config, CLI, LSP). Patterns built at run time from
 * data are listed separately by `dynamicRegexes` so a test can name them.
 */
export function sourceRegexes(dirs = ['server/src']): { literals: SourceRegex[]; dynamic: Array<{ file: string; line: number; text: string }> } {
  const literals: SourceRegex[] = [];
  const dynamic: Array<{ file: string; line: number; text: string }> = [];
  for (const dir of dirs) {
    for (const path of tsFiles(join(ROOT, dir))) {
      const file = relative(ROOT, path);
      const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(sf);
          const end = text.lastIndexOf('/');
          literals.push({ file, line: lineOf(node), source: text.slice(1, end), flags: text.slice(end + 1) });
        } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [pattern, flags] = node.arguments ?? [];
          if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern)) && (!flags || ts.isStringLiteral(flags))) {
            literals.push({ file, line: lineOf(node), source: pattern.text, flags: flags && ts.isStringLiteral(flags) ? flags.text : '' });
          } else {
            dynamic.push({ file, line: lineOf(node), text: node.getText(sf).slice(0, 120) });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return { literals, dynamic };
}
