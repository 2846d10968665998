import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileModel } from '../../server/src/documents/dockerfile';
import { splitStages } from '../../server/src/documents/dockerfile-segments';

/** Everything the rules read from a model, as plain data. */
function snapshot(model: DockerfileModel) {
  return {
    instructions: model.instructions.map((i) => ({
      keyword: i.getKeyword(),
      range: i.getRange(),
      args: i.getArguments().map((a) => [a.getValue(), a.getRange()]),
      raw: i.getRawArgumentsContent(),
    })),
    stages: model.stages.map((s) => ({ index: s.index, alias: s.alias, base: s.base?.index, isScratch: s.isScratch, count: s.instructions.length })),
    images: model.imageUses().map((u) => [u.where, u.written, u.resolved, u.range]),
    user: model.finalUser() && { value: model.finalUser()!.value, range: model.finalUser()!.range },
  };
}

const corpus: Record<string, string> = {
  'global ARGs resolved in every stage': 'ARG BASE=node:22\nARG TAG\nFROM ${BASE} AS build\nARG TAG=1\nRUN echo $TAG\nFROM alpine:${TAG:-3.20}\nARG BASE\nUSER ${BASE}\n',
  'continuations with comments and a FROM-looking line inside': 'FROM a:1\nRUN apt-get update \\\n  # a comment\n  && echo \\\nFROM not-an-instruction\nFROM b:2\n',
  'heredoc body with FROM': 'FROM a:1\nRUN <<EOF\nset -e\nFROM inside-heredoc\nEOF\nFROM b:2 AS two\nCOPY <<-"CONF" /etc/x\n\tFROM also-inside\n\tCONF\nFROM two\n',
  'lowercase from and CRLF': 'from a:1 as one\r\nRUN x\r\nfrom one\r\nUSER 10001\r\n',
  'leading comments and blank lines': '# syntax=docker/dockerfile:1\n\n# comment\nFROM a:1\n\n\nFROM b:2\n',
  'ENV wins over ARG in a stage': 'ARG U=root\nFROM a:1\nARG U\nENV U=app\nUSER $U\n',
  'empty file': '',
  'no FROM at all': 'ARG X=1\nRUN echo\n',
};

describe('incremental Dockerfile parsing', () => {
  for (const [name, text] of Object.entries(corpus)) {
    it(`reads the same model as a whole-file parse: ${name}`, () => {
      assert.deepEqual(snapshot(new DockerfileModel(text)), snapshot(new DockerfileModel(text, { incremental: false })));
    });
  }

  it('reads the same model on the examples and a large generated file', async () => {
    const generator: string = '../../scripts/bench/generate.mjs';
    const gen = (await import(generator)) as { genDockerfile(lines: number, seed: number): string };
    const texts = [
      readFileSync(join(__dirname, '..', '..', 'examples', 'insecure', 'Dockerfile'), 'utf8'),
      readFileSync(join(__dirname, '..', '..', 'examples', 'hardened', 'Dockerfile'), 'utf8'),
      gen.genDockerfile(1000, 7),
    ];
    for (const text of texts) assert.deepEqual(snapshot(new DockerfileModel(text)), snapshot(new DockerfileModel(text, { incremental: false })));
  });

  it('cuts only where a stage begins', () => {
    assert.deepEqual(splitStages(corpus['heredoc body with FROM'])!.map((s) => s.line), [0, 5, 9]);
    assert.deepEqual(splitStages(corpus['continuations with comments and a FROM-looking line inside'])!.map((s) => s.line), [0, 5]);
  });

  it('falls back to a whole-file parse when the escape character changes', () => {
    assert.equal(splitStages('# escape=`\nFROM a:1\nRUN x `\n  y\nFROM b:2\n'), undefined);
  });

  it('an edit inside one stage leaves the other stages parsed once', () => {
    const text = 'FROM a:1 AS one\nRUN echo one\nFROM b:2 AS two\nRUN echo two\n';
    const before = new DockerfileModel(text);
    const after = new DockerfileModel(text.replace('echo two', 'echo 2'), { previous: before });
    assert.equal(after.stages[0].from, before.stages[0].from, 'the untouched stage is reused');
    assert.notEqual(after.stages[1].from, before.stages[1].from, 'the edited stage is parsed again');
  });
});
