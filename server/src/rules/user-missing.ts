import { insertPair, quote } from '../analysis/yaml-edit';
import { isNonRootBase, rootImage } from '../analysis/images';
import { defineRule } from '../engine/rule';

const NON_ROOT_USER = '10001:10001';

export default defineRule({
  meta: {
    id: 'user-missing',
    kinds: ['dockerfile', 'compose'],
    profile: 'recommended',
    severity: 'warning',
    byKind: { compose: { profile: 'strict', severity: 'info' } },
    docs: {
      summary: 'Images and services should say which non-root user they run as.',
      aka: ['CKV_DOCKER_3', 'DS-0002'],
    },
    fixable: true,
  },
  dockerfile({ doc, config, report }) {
    const final = doc.finalStage;
    if (!final) return;
    if (doc.rootOf(final).isScratch) return;
    if (doc.lastInLineage(final, 'USER')) return;
    if (isNonRootBase(rootImage(doc, final), config)) return;
    const beforeRun = final.instructions.find((i) => ['CMD', 'ENTRYPOINT'].includes(doc.keyword(i)));
    const eol = doc.lines.eol;
    let edit;
    if (beforeRun) {
      const at = { line: beforeRun.getRange().start.line, character: 0 };
      edit = { range: { start: at, end: at }, newText: `USER ${NON_ROOT_USER}${eol}` };
    } else {
      const last = final.instructions[final.instructions.length - 1] ?? final.from;
      const end = last.getRange().end;
      const at = { line: end.line, character: doc.lines.lineText(end.line).length };
      edit = { range: { start: at, end: at }, newText: `${eol}USER ${NON_ROOT_USER}` };
    }
    report({
      range: final.from.getRange(),
      message: `The final stage never sets USER, so the container runs as root; add "USER ${NON_ROOT_USER}" (a numeric non-root user) before CMD/ENTRYPOINT.`,
      fixes: [{ title: `Insert USER ${NON_ROOT_USER} (changes behaviour: the user needs access to the files it uses)`, edits: [edit], safe: false }],
    });
  },
  compose({ compose, report }) {
    for (const service of compose.services) {
      if (service.get('user')) continue;
      report({
        range: service.keyRange,
        message: `Service "${service.name}" does not set user:, so it runs as the image's user (often root); set user: "${NON_ROOT_USER}".`,
        fixes: [{ title: `Add user: "${NON_ROOT_USER}" (changes behaviour)`, edits: [insertPair(compose.yaml, service.map, 'user', quote(NON_ROOT_USER))], safe: false }],
      });
    }
  },
});
