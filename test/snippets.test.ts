import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../server/src/config/types';
import { lint } from '../server/src/engine/lint';

const ROOT = join(__dirname, '..');

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

/**
 * Expands a VS Code snippet body as accepting every default does: `${1:text}` → text (innermost first,
 * so nested placeholders work), `${1|a,b|}` → a, `$1` / `${1}` → the default given to tab stop 1
 * elsewhere (VS Code mirrors it), `$0` → nothing; `\$`, `\}` and `\\` unescape.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  let text = body;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{(\d+):([^${}\\]*)\}/g, (_, n: string, value: string) => {
      if (!defaults.has(n)) defaults.set(n, value);
      return value;
    });
  }
  text = text.replace(/\$\{(\d+)\|([^,|]*)[^|]*\|\}/g, (_, n: string, first: string) => {
    if (!defaults.has(n)) defaults.set(n, first);
    return first;
  });
  text = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get((a ?? b)!) ?? '');
  assert.doesNotMatch(text, /(^|[^\\])\$\{/, `unexpanded snippet syntax in:\n${text}`);
  return text.replace(/\\([$}\\])/g, '$1');
}

function snippets(file: string): Array<[string, Snippet]> {
  return Object.entries(JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>);
}

const CASES = [
  { file: 'dockerfile.json', path: '/work/Dockerfile', kind: 'dockerfile', language: 'dockerfile' },
  { file: 'compose.json', path: '/work/compose.yaml', kind: 'compose', language: 'dockercompose' },
  { file: 'kubernetes.json', path: '/work/k8s/deployment.yaml', kind: 'kubernetes', language: 'yaml' },
] as const;

describe('snippets', () => {
  it('expands placeholders, mirrors, choices and escapes', () => {
    assert.equal(expandSnippet('a ${1:x} b $1 ${1} ${2|p,q|} ${3:${4:in}ner} $4 \\$HOME$0'), 'a x b x x p inner in $HOME');
  });

  it('package.json contributes every snippet file for its languages', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
    for (const c of CASES) {
      assert.ok(pkg.contributes.snippets.some((s) => s.language === c.language && s.path === `./snippets/${c.file}`), `${c.file} for ${c.language}`);
    }
  });

  it('the lint check can fail: the Dockerfile template with USER root is reported', () => {
    const [[, snippet]] = snippets('dockerfile.json');
    const body = (snippet.body as string[]).map((l) => (l.startsWith('USER ') ? 'USER root' : l)).join('\n');
    const result = lint(expandSnippet(body), { path: '/work/Dockerfile', config: defaultConfig('strict') });
    assert.ok(result.findings.some((f) => f.ruleId === 'user-root'), result.findings.map((f) => f.ruleId).join(', '));
  });

  for (const c of CASES) {
    for (const [name, snippet] of snippets(c.file)) {
      describe(`${c.file}: ${name}`, () => {
        const text = expandSnippet(Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body) + '\n';

        it('has a shipshape- prefix and a description', () => {
          const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
          assert.ok(prefixes.some((p) => p.startsWith('shipshape-')), `prefixes ${prefixes.join(', ')}`);
          assert.ok(snippet.description.length > 40);
        });

        it(`is a ${c.kind} file that lints clean under the strict profile`, () => {
          const result = lint(text, { path: c.path, languageId: c.language, config: defaultConfig('strict') });
          assert.equal(result.kind, c.kind);
          assert.deepEqual(result.notices, []);
          assert.deepEqual(result.findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`), [], `expanded snippet:\n${text}`);
        });
      });
    }
  }
});
