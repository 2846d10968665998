import assert from 'node:assert/strict';
import { forgetDocument, lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';
import type { Rule } from '../../server/src/engine/rule';
import { editRandomLine } from '../helpers/random-edits';
import { configWith } from '../helpers/rule-tester';

/**
 * Re-linting a Dockerfile after an edit reuses the findings of the units (stages) the edit did not
 * touch. Each version of a document must get exactly the findings a fresh, non-incremental lint of
 * the same text gets.
 */
const config = configWith({ profile: 'strict', trustedRegistries: ['registry.example.com'] });
const PATH = '/work/incremental/Dockerfile';

function fresh(text: string) {
  return lint(text, { path: PATH, config, incremental: false }).findings;
}

/** Lints each version in turn under one path and compares every result with a fresh lint. */
function assertVersions(versions: string[], label: string): void {
  forgetDocument(PATH);
  versions.forEach((text, i) => {
    const incremental = lint(text, { path: PATH, config }).findings;
    assert.deepEqual(incremental, fresh(text), `${label}, version ${i}:\n${text}`);
  });
}

const ids = (text: string) => lint(text, { path: PATH, config }).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);

describe('incremental Dockerfile linting', () => {
  it('a global ARG edit reaches the COPY of an unchanged stage that declares it', () => {
    const before = 'ARG FILE=readme.md\nFROM registry.example.com/a:1@sha256:' + 'a'.repeat(64) + '\nARG FILE\nCOPY ${FILE} /x\n';
    const after = before.replace('readme.md', 'id_rsa');
    assertVersions([before, after], 'global ARG');
    forgetDocument(PATH);
    ids(before);
    assert.ok(ids(after).includes('secret-file-copied@3'), 'the COPY now copies a private key');
  });

  it('a SHELL removed from a parent stage reaches the RUN of the stage built on it', () => {
    const withShell = 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n';
    const without = withShell.replace('SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', 'LABEL a=b\n');
    assertVersions([withShell, without, withShell], 'parent SHELL');
    forgetDocument(PATH);
    ids(withShell);
    assert.ok(ids(without).includes('pipefail-missing@3'));
  });

  it('renaming a stage turns a later COPY --from into an image reference, and back', () => {
    const named = 'FROM alpine:3.20 AS build\nRUN echo hi\nFROM alpine:3.20\nCOPY --from=build /x /y\n';
    const renamed = named.replace('AS build', 'AS builder');
    assertVersions([named, renamed, named], 'alias');
    forgetDocument(PATH);
    ids(named);
    assert.ok(ids(renamed).some((id) => id.endsWith('@3') && id.startsWith('image-')), 'the COPY now names an image "build"');
  });

  it('a stage added after the final one changes which stage is final', () => {
    const one = 'FROM alpine:3.20 AS app\nUSER root\nRUN apk add --no-cache curl\n';
    const two = `${one}FROM app\nUSER 10001:10001\n`;
    assertVersions([one, two, one], 'final stage');
  });

  it('lines inserted above a stage move its findings', () => {
    const text = 'FROM alpine:3.20\nRUN echo one\nFROM ubuntu:latest\nRUN curl https://x | sh\nENV API_TOKEN=abc\n';
    assertVersions([text, text.replace('RUN echo one\n', 'RUN echo one\n\n\nRUN echo two\n'), text], 'line shift');
  });

  it('CRLF and a Windows base image in a parent stage', () => {
    const text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win\r\nFROM win\r\nRUN curl https://x | sh\r\n';
    assertVersions([text, text.replace('windows/servercore', 'library/debian'), text], 'windows parent');
  });

  it('matches a fresh lint across many random edits of a multi-stage file', async () => {
    const generator: string = '../../scripts/bench/generate.mjs';
    const gen = (await import(generator)) as { genDockerfile(lines: number, seed: number): string; mulberry32(seed: number): () => number };
    const random = gen.mulberry32(0x1ce);
    const snippets = ['ARG TOKEN=x', 'USER root', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM base-0', 'FROM alpine:3.20 AS base-0', 'RUN curl -s https://x | sh', 'COPY --from=orders-0 /a /b', 'RUN chmod 777 /srv', 'ENV PASSWORD=hunter2', 'EXPOSE 22', 'ARG APP_ENV=id_rsa', ''];
    let lines = gen.genDockerfile(160, 42).split('\n');
    const versions: string[] = [];
    for (let step = 0; step < 150; step++) {
      editRandomLine(lines, random, snippets);
      versions.push(lines.join('\n'));
      if (step % 50 === 49) lines = gen.genDockerfile(160, step).split('\n');
    }
    assertVersions(versions, 'random edits');
  });

  it('only the rules about the final stage or neighbouring files see the whole file each time', () => {
    const whole = allRules.filter((r) => r.dockerfile && !r.perStage).map((r) => r.meta.id);
    assert.deepEqual(whole, ['copy-whole-context', 'healthcheck-missing', 'unused-ignore', 'user-missing', 'user-not-numeric', 'user-root']);
  });

  it('an edit in one stage runs the per-stage rules on that stage only', () => {
    let calls = 0;
    const counting: Rule[] = allRules.map((rule) =>
      rule.perStage && rule.dockerfile ? { ...rule, dockerfile: (ctx) => ((calls += ctx.doc.instructions.length > 0 ? 1 : 0), rule.dockerfile!(ctx)) } : rule,
    );
    const stages = Array.from({ length: 6 }, (_, i) => `FROM alpine:3.20 AS s${i}\nRUN echo ${i}\n`).join('');
    const perStageRules = counting.filter((r) => r.perStage && r.dockerfile && r.meta.kinds.includes('dockerfile')).length;
    forgetDocument(PATH);
    lint(stages, { path: PATH, config, rules: counting });
    assert.equal(calls, 6 * perStageRules, 'the first lint runs every unit');
    calls = 0;
    lint(stages.replace('echo 3', 'echo three'), { path: PATH, config, rules: counting });
    assert.equal(calls, perStageRules, 'the next lint runs only the edited stage');
    calls = 0;
    lint(stages.replace('echo 3', 'echo three'), { path: PATH, config, rules: counting, incremental: false });
    assert.equal(calls, 6 * perStageRules, 'incremental: false runs every unit');
  });
});
