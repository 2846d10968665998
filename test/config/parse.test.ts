import assert from 'node:assert/strict';
import { parseRulesFile } from '../../server/src/config/parse';
import { fakeCatalog } from './fake-catalog';

/** Problems as "line:column-endLine:endColumn message" (1-based, as editors show them). */
function problems(text: string): string[] {
  return parseRulesFile(text, fakeCatalog).problems.map(
    (p) => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1} ${p.message}`,
  );
}

function one(text: string, at: string, message: string | RegExp): void {
  const found = problems(text);
  assert.equal(found.length, 1, `expected one problem, got:\n${found.join('\n')}`);
  const [position, ...rest] = found[0].split(' ');
  assert.equal(position, at);
  const text2 = rest.join(' ');
  if (typeof message === 'string') assert.ok(text2.includes(message), text2);
  else assert.match(text2, message);
}

describe('rules file: every mistake is reported where it is written', () => {
  it('accepts the full example of the spec without a problem', () => {
    const example = [
      'extends: recommended',
      'rules:',
      '  image-latest-tag: error',
      '  port-all-interfaces: off',
      '  capabilities-nondefault: [warning, { allow: [NET_BIND_SERVICE, SYS_TIME] }]',
      'trustedRegistries: [registry.example.com, "*.gcr.io"]',
      'images:',
      '  node: "22.11-bookworm-slim"',
      '  nginx: "1.27-alpine"',
      'nonRootBaseImages: ["gcr.io/distroless/*:nonroot", "cgr.dev/chainguard/*"]',
      'ignorePaths: ["third_party/**", "**/testdata/**"]',
      'allowInlineIgnores: true',
      'overrides:',
      '  - files: ["deploy/dev/**", "**/docker-compose.dev.yml"]',
      '    rules: { port-all-interfaces: off, resource-limits-missing: off }',
    ].join('\n');
    const parsed = parseRulesFile(example, fakeCatalog);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.data.rules['capabilities-nondefault'], { level: 'warning', options: { allow: ['NET_BIND_SERVICE', 'SYS_TIME'] } });
    assert.deepEqual(parsed.data.trustedRegistries, ['registry.example.com', '*.gcr.io']);
    assert.deepEqual(parsed.data.overrides[0].files, ['deploy/dev/**', '**/docker-compose.dev.yml']);
  });

  it('an empty file and a comment-only file are fine', () => {
    assert.deepEqual(problems(''), []);
    assert.deepEqual(problems('# nothing yet\n'), []);
  });

  it('unknown rule id, with a "did you mean"', () => {
    one('rules:\n  image-latest-tg: error\n', '2:3-2:18', 'Unknown rule "image-latest-tg"; did you mean "image-latest-tag"?');
  });

  it('another tool\'s id names our rule', () => {
    one('rules:\n  DL3007: off\n', '2:3-2:9', '"DL3007" is another tool\'s id for "image-latest-tag"');
  });

  it('unknown rule id far from every rule: no suggestion', () => {
    one('rules:\n  completely-different: off\n', '2:3-2:23', /^Unknown rule "completely-different"\. /);
  });

  it('bad severity, at the value, with a suggestion', () => {
    one('rules:\n  image-latest-tag: eror\n', '2:21-2:25', '"eror" is not a severity for "image-latest-tag": use off | info | warning | error; did you mean "error"?');
  });

  it('false as a severity suggests off', () => {
    one('rules:\n  image-latest-tag: false\n', '2:21-2:26', 'write "off"');
  });

  it('bad severity inside the [severity, options] form', () => {
    one('rules:\n  capabilities-nondefault: [warn, { allow: [X] }]\n', '2:29-2:33', '"warn" is not a severity');
  });

  it('options failing the rule\'s schema, at the offending item', () => {
    one('rules:\n  capabilities-nondefault: [warning, { allow: [NET_BIND_SERVICE, net_raw] }]\n', '2:66-2:73', 'Options of "capabilities-nondefault": "allow.1" must match pattern');
  });

  it('unknown option, at its key', () => {
    one('rules:\n  capabilities-nondefault:\n    - warning\n    - allowed: [NET_RAW]\n', '4:7-4:14', 'unknown option "allowed"');
  });

  it('options on a rule that takes none', () => {
    one('rules:\n  image-latest-tag: [error, { tags: [x] }]\n', '2:29-2:42', 'Rule "image-latest-tag" takes no options');
  });

  it('YAML syntax error, where the parser stops', () => {
    const found = problems('rules:\n  image-latest-tag: error\n trustedRegistries: [a\n');
    assert.ok(found.length >= 1);
    assert.match(found[0], /^3:\d+-\d+:\d+ YAML syntax error: /);
  });

  it('a file that is not a mapping', () => {
    one('- image-latest-tag\n', '1:1-2:1', 'must be a mapping');
  });

  it('unknown top-level setting, with a suggestion', () => {
    one('trustedRegistry: [a.example]\n', '1:1-1:16', 'Unknown setting "trustedRegistry"; did you mean "trustedRegistries"?');
  });

  it('bad profile in extends', () => {
    one('extends: strikt\n', '1:10-1:16', '"extends" must be one of recommended, strict; did you mean "strict"?');
  });

  it('a regular expression where a glob belongs', () => {
    one('ignorePaths: ["(a|aa)+/x"]\n', '1:15-1:26', 'not glob syntax');
  });

  it('a glob over the matching budget', () => {
    one('ignorePaths: ["**/a/**/b/**/c"]\n', '1:15-1:31', 'at most 2 "**"');
  });

  it('a list setting written as a string', () => {
    one('trustedRegistries: registry.example.com\n', '1:20-1:40', '"trustedRegistries" must be a list');
  });

  it('an image pin that is not a tag, and a pin key with a tag', () => {
    one('images:\n  node: "22 slim"\n', '2:9-2:18', 'The pin for "node" must be a tag');
    one('images:\n  node:22: "22-slim"\n', '2:3-2:10', 'without tag or digest ("node")');
  });

  it('allowInlineIgnores must be a boolean', () => {
    one('allowInlineIgnores: "no"\n', '1:21-1:25', 'must be true or false');
  });

  it('an override without files, and an unknown override key', () => {
    one('overrides:\n  - rules: { image-latest-tag: off }\n', '2:5-3:1', 'no "files"');
    one('overrides:\n  - files: ["a/**"]\n    rule: { image-latest-tag: off }\n', '3:5-3:9', 'did you mean "rules"?');
  });

  it('a mistake inside an override is reported where it is written', () => {
    one('overrides:\n  - files: dev/**\n    rules: { image-latest-tag: of }\n', '3:32-3:34', '"of" is not a severity');
  });

  it('a key written twice', () => {
    const found = problems('rules:\n  image-latest-tag: off\n  image-latest-tag: error\n');
    assert.equal(found.length, 1);
    assert.match(found[0], /^3:3-.* appears twice/);
  });

  it('JSON rules files are read with the same positions', () => {
    one('{\n  "rules": {\n    "image-latest-tg": "error"\n  }\n}\n', '3:5-3:22', 'did you mean "image-latest-tag"?');
  });

  it('the valid rest of a file with mistakes still applies', () => {
    const parsed = parseRulesFile('rules:\n  image-latest-tag: eror\n  image-untagged: off\n  nope: off\nignorePaths: ["vendor/**"]\n', fakeCatalog);
    assert.equal(parsed.problems.length, 2);
    assert.equal(parsed.fatal, false);
    assert.deepEqual(parsed.data.rules, { 'image-untagged': { level: 'off' } });
    assert.deepEqual(parsed.data.ignorePaths, ['vendor/**']);
    assert.deepEqual([...parsed.refused], ['rules.image-latest-tag']);
  });

  it('never throws, whatever the text', () => {
    const samples = [
      '\t\t:::', '{', '[', 'rules: &a [*a]', 'a: &x {b: *x}', 'rules: !!binary abc', '? [a]\n: b', '<<: {rules: {}}',
      'rules:\n  <<: {image-latest-tag: off}', '---\nrules: {}\n---\nrules: {}', 'rules: [1, 2]', 'overrides: {files: x}',
      'overrides:\n  - files: []\n', 'overrides:\n  - 5', 'images: {node: {a: b}}', 'rules:\n  capabilities-nondefault: [warning, 5]',
      'rules:\n  capabilities-nondefault: [warning, {allow: *nope}]', 'rules:\n  ? image-latest-tag\n', '\u0000\u0001', 'x'.repeat(10000),
      'rules:\n  capabilities-nondefault: [warning, {}, extra]', 'rules: {image-latest-tag: [] }', 'extends: [strict]',
    ];
    for (const sample of samples) assert.doesNotThrow(() => parseRulesFile(sample, fakeCatalog), sample);
  });
});

describe('rules file nesting', () => {
  it('a rules file nested deeper than the parser can safely read is refused with a message', () => {
    const parsed = parseRulesFile('rules: ' + '['.repeat(100_000) + '\n', fakeCatalog);
    assert.equal(parsed.fatal, true);
    assert.match(parsed.problems[0].message, /nests collections too deeply/);
  });
});
