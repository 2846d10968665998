import { isMap, type Node } from 'yaml';
import { mountsSecret, shellSites } from '../analysis/shell/dockerfile-shell';
import { secretHits } from '../analysis/shell/secret-commands';
import { yamlCommandCode } from '../analysis/shell/yaml-commands';
import { containerLabel } from '../documents/kubernetes';
import { defineRule } from '../engine/rule';

const ADVICE = {
  dockerfile: 'Pass it as a build secret (RUN --mount=type=secret,id=…) and read it from the mounted file or env.',
  runtime: 'Read it from a mounted secret file or an environment variable set from a secret store.',
};

export default defineRule({
  meta: {
    id: 'secret-in-command',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Credentials written on a command line end up in image layers, manifests and process listings.',
      aka: ['DS-0031', 'CKV2_DOCKER_17'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const site of shellSites(doc)) {
      if (site.keyword !== 'RUN' || !site.analysis || mountsSecret(site.instruction)) continue;
      for (const hit of secretHits(site.analysis)) {
        report({
          range: site.range(hit.word.start, hit.word.end),
          message: `A credential is written in RUN (${hit.what}): it stays in the image history for anyone who pulls the image. ${ADVICE.dockerfile}`,
        });
      }
    }
  },
  compose({ compose, report }) {
    for (const service of compose.services) {
      const entrypoint = service.get('entrypoint')?.value as Node | undefined;
      const command = service.get('command')?.value as Node | undefined;
      for (const code of yamlCommandCode(compose.yaml, [entrypoint, command])) {
        for (const hit of secretHits(code.analysis)) {
          report({
            range: code.range(hit.word.start, hit.word.end),
            message: `Service "${service.name}" has a credential in its command (${hit.what}): it is visible in the file, in docker inspect and in process listings. ${ADVICE.runtime}`,
          });
        }
      }
    }
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      if (!isMap(container.map)) continue;
      for (const code of yamlCommandCode(yaml, [yaml.get(container.map, 'command'), yaml.get(container.map, 'args')])) {
        for (const hit of secretHits(code.analysis)) {
          report({
            range: code.range(hit.word.start, hit.word.end),
            message: `The ${containerLabel(container)} has a credential in its command (${hit.what}): it is visible in the manifest, the API and process listings. ${ADVICE.runtime}`,
          });
        }
      }
    }
  },
});
