import assert from 'node:assert/strict';
import { slotAt } from '../../server/src/lsp/rules-file-context';

/** The slot at `‸` in the text, in words: `key rules.- "word" [siblings] bare flow` / `value rules image-latest-tag "wa"`. */
function slotIn(marked: string): string {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const slot = slotAt(text, offset);
  if (!slot) return 'none';
  const word = JSON.stringify(text.slice(slot.word.start, slot.word.end));
  const path = slot.path.join('.') || '(top)';
  if (slot.at === 'value') return `value ${path} ${slot.key} ${word}${slot.needsSpace ? ' needs-space' : ''}`;
  const siblings = slot.siblings.length > 0 ? ` [${slot.siblings.join(',')}]` : '';
  return `key ${path} ${word}${siblings}${slot.bare ? ' bare' : ''}${slot.flow ? ' flow' : ''}`;
}

const CASES: Array<[name: string, text: string, expected: string]> = [
  ['an empty file', '‸', 'key (top) "" bare'],
  ['a top-level key being typed', 'ext‸', 'key (top) "ext" bare'],
  ['a top-level key among others', 'extends: strict\nru‸\nimages: {}\n', 'key (top) "ru" [extends,images] bare'],
  ['the value after `extends: `', 'extends: ‸', 'value (top) extends ""'],
  ['right after the colon', 'extends:‸', 'value (top) extends "" needs-space'],
  ['a partial value', 'extends: str‸', 'value (top) extends "str"'],
  ['the whole value word around the cursor', 'extends: rec‸ommended # team default', 'value (top) extends "recommended"'],
  ['a rule id under rules:', 'rules:\n  image-l‸', 'key rules "image-l" bare'],
  ['a rule id indented by four (editor auto-indent)', 'rules:\n    image-l‸', 'key rules "image-l" bare'],
  ['an empty indented line under rules:', 'rules:\n  image-latest-tag: off\n  ‸', 'key rules "" [image-latest-tag] bare'],
  ['the cursor in a blank line\'s indentation', 'rules:\n  a: off\n  ‸  \nimages:\n', 'key rules "" [a] bare'],
  ['column 0 after the rules block', 'rules:\n  a: off\n‸', 'key (top) "" [rules] bare'],
  [
    'siblings above and below, not the next mapping',
    'rules:\n  image-latest-tag: off\n  # a comment\n\n  po‸\n  privileged: error\nimages:\n  nginx: "1.27"\n',
    'key rules "po" [image-latest-tag,privileged] bare',
  ],
  ['the rest of the file invalid', 'rules:\n  im‸\nimages:\n  nginx: [\n', 'key rules "im" bare'],
  ['a rule severity', 'rules:\n  image-latest-tag: ‸', 'value rules image-latest-tag ""'],
  ['a partial severity before a comment', 'rules:\n  image-latest-tag: wa‸  # why', 'value rules image-latest-tag "wa"'],
  ['a quoted rule id', 'rules:\n  "image-latest-tag": ‸', 'value rules image-latest-tag ""'],
  ['inside an existing key (hover)', 'rules:\n  image-la‸test-tag: off', 'key rules "image-latest-tag"'],
  ['CRLF line ends', 'rules:\r\n  image-l‸\r\nimages:\r\n', 'key rules "image-l" bare'],
  ['after a document marker', '---\nrules:\n  a‸', 'key rules "a" bare'],
  ['overrides: a rule id', 'overrides:\n  - files: ["deploy/**"]\n    rules:\n      po‸', 'key overrides.-.rules "po" bare'],
  ['overrides: a sequence at its key\'s column', 'overrides:\n- files: x\n  rules:\n    po‸', 'key overrides.-.rules "po" bare'],
  [
    'overrides: siblings only from the same entry',
    'overrides:\n  - files: a\n    rules:\n      privileged: off\n  - files: b\n    rules:\n      host-pid: off\n      ‸\n  - files: c\n    rules:\n      host-ipc: off\n',
    'key overrides.-.rules "" [host-pid] bare',
  ],
  ['overrides: a key of the entry', 'overrides:\n  - files: a\n    ru‸', 'key overrides.- "ru" [files] bare'],
  ['overrides: the first key of a new entry', 'overrides:\n  - files: a\n  - ‸', 'key overrides.- "" bare'],
  ['overrides: a severity', 'overrides:\n  - files: a\n    rules:\n      privileged: o‸', 'value overrides.-.rules privileged "o"'],
  ['flow: a rule id', 'rules: { image-latest-tag: off, po‸ }\n', 'key rules "po" [image-latest-tag] bare flow'],
  ['flow: a severity', 'rules: { image-latest-tag: wa‸ }\n', 'value rules image-latest-tag "wa"'],
  ['flow: after a comma, unclosed', 'rules: { image-latest-tag: off, ‸', 'key rules "" [image-latest-tag] bare flow'],
  ['flow: after a colon', 'rules: { image-latest-tag: ‸ }\n', 'value rules image-latest-tag ""'],
  ['flow over several lines', 'rules: {\n  a: off,\n  po‸\n}\n', 'key rules "po" [a] bare flow'],
  ['flow: overrides rules', 'overrides:\n  - files: a\n    rules: { privileged: off, ho‸ }\n', 'key overrides.-.rules "ho" [privileged] bare flow'],
  ['[severity, options]: the severity', 'rules:\n  image-latest-tag: [wa‸', 'value rules image-latest-tag "wa"'],
  ['[severity, options]: in the options', 'rules:\n  capabilities-nondefault: [warning, { al‸ }]\n', 'key rules.capabilities-nondefault.- "al" bare flow'],
  ['in a comment', 'rules:\n  image-latest-tag: off # wa‸', 'none'],
  ['in a whole-line comment', '# rul‸', 'none'],
  ['in a block scalar', 'images:\n  a: |\n    fo‸', 'none'],
  ['under a key that has a value', 'extends: strict\n  fo‸', 'none'],
  ['after a second word', 'rules:\n  image x‸', 'none'],
  ['in a list of globs', 'ignorePaths: [thi‸', 'none'],
];

describe('rules file: the slot at the cursor', () => {
  for (const [name, text, expected] of CASES) {
    it(name, () => assert.equal(slotIn(text), expected));
  }

  it('reads hostile lines in linear time', () => {
    const text = `rules:\n  ${'a'.repeat(50_000)}${' '.repeat(50_000)}x`;
    assert.equal(slotAt(text, text.length), undefined);
    assert.equal(slotAt(`rules: {${' {'.repeat(500)}`, 100)?.at ?? 'none', 'key');
  });
});
