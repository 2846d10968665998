import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const FILE = 'syntaxes/shipshape-ignore.injection.json';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Array<{ include: string }>;
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync(join(ROOT, FILE), 'utf8')) as Grammar;
const directive = grammar.repository['ignore-directive'];

/**
 * A small TextMate emulation for one line: the directive's begin, then its inner patterns (earliest
 * match wins, the first listed on a tie) up to the end of the line. Returns [text, scope] pairs.
 */
function tokens(line: string): Array<[string, string]> {
  const begin = new RegExp(directive.begin!, 'd').exec(line);
  if (!begin) return [];
  const out: Array<[string, string]> = [];
  begin.slice(1).forEach((text, i) => {
    if (text !== undefined) out.push([text, directive.beginCaptures![String(i + 1)].name]);
  });
  let pos = begin.index + begin[0].length;
  for (;;) {
    let best: { m: RegExpExecArray; rule: Rule } | undefined;
    for (const rule of directive.patterns!) {
      const re = new RegExp(rule.match!, 'gd');
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { m, rule };
    }
    if (!best) return out;
    if (best.rule.captures) {
      best.m.slice(1).forEach((text, i) => {
        if (text) out.push([text, best!.rule.captures![String(i + 1)].name]);
      });
    } else out.push([best.m[0], best.rule.name!]);
    pos = best.m.index + best.m[0].length;
  }
}

describe('grammar: shipshape ignore comments', () => {
  it('is an injection grammar for Dockerfiles and YAML, contributed by package.json', () => {
    assert.equal(grammar.scopeName, 'shipshape.ignore.injection');
    assert.match(grammar.injectionSelector, /L:source\.dockerfile -comment -string/);
    assert.match(grammar.injectionSelector, /L:source\.yaml -comment -string/);
    assert.deepEqual(grammar.patterns, [{ include: '#ignore-directive' }]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: Array<{ scopeName: string; path: string; injectTo: string[] }> } };
    const entry = pkg.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(entry);
    assert.equal(entry.path, `./${FILE}`);
    assert.deepEqual(entry.injectTo.sort(), ['source.dockerfile', 'source.yaml']);
  });

  it('highlights the rule ids and the reason of a Dockerfile directive', () => {
    assert.deepEqual(tokens('# shipshape ignore=image-latest-tag,user-root -- rebuilt nightly by the platform team'), [
      ['#', 'punctuation.definition.comment.shipshape'],
      ['shipshape', 'keyword.other.shipshape'],
      ['ignore', 'keyword.control.ignore.shipshape'],
      ['=', 'keyword.operator.assignment.shipshape'],
      ['image-latest-tag', 'entity.name.tag.rule-id.shipshape'],
      [',', 'punctuation.separator.comma.shipshape'],
      ['user-root', 'entity.name.tag.rule-id.shipshape'],
      ['--', 'punctuation.separator.reason.shipshape'],
      ['rebuilt nightly by the platform team', 'string.unquoted.reason.shipshape'],
    ]);
  });

  it('handles global ignores, indentation, spaces around = and a trailing YAML comment', () => {
    assert.deepEqual(tokens('# shipshape global ignore = privileged').map(([t]) => t), ['#', 'shipshape', 'global', 'ignore', '=', 'privileged']);
    assert.deepEqual(tokens('    # shipshape ignore=host-network -- node exporter').filter(([, s]) => s.includes('rule-id')), [['host-network', 'entity.name.tag.rule-id.shipshape']]);
    assert.deepEqual(tokens('    privileged: true # shipshape ignore=privileged -- CI runner').slice(-3).map(([t]) => t), ['privileged', '--', 'CI runner']);
  });

  it('leaves other comments and `#` inside words alone', () => {
    assert.deepEqual(tokens('# an ordinary comment about shipshape ignore'), []);
    assert.deepEqual(tokens('# hadolint ignore=DL3007'), []);
    assert.deepEqual(tokens('RUN echo a#shipshape ignore=x'), []);
  });

  it('uses only linear regular expressions (no nested quantifiers over the same characters)', () => {
    const all = [directive.begin!, directive.end!, ...directive.patterns!.map((p) => p.match!)];
    for (const re of all) {
      assert.doesNotThrow(() => new RegExp(re));
      assert.doesNotMatch(re, /\([^)]*[+*]\)[+*]/, re);
    }
    assert.equal(tokens(`# shipshape ignore=${'a-'.repeat(5000)}b`).length, 5);
  });
});
