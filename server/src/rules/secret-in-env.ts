import type { Arg, Env, Instruction, Property } from 'dockerfile-ast';
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import { envEntries, interpolationDefaults, type EnvEntry } from '../analysis/compose-env';
import { isLiteralSecretValue, isSecretName } from '../analysis/secrets';
import { indentStep, replaceScalar } from '../analysis/yaml-edit';
import type { DockerfileModel } from '../documents/dockerfile';
import { containerLabel } from '../documents/kubernetes';
import { scalarString, type YamlDoc } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { Fix, TextEdit } from '../engine/types';
import { containerEnv } from '../analysis/kubernetes-env';

export default defineRule({
  meta: {
    id: 'secret-in-env',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    byKind: { compose: { severity: 'error' }, kubernetes: { severity: 'error' } },
    docs: {
      summary: 'Secrets passed through build arguments or environment variables leak through image history, `docker inspect` and process listings.',
      aka: ['BuildKit SecretsUsedInArgOrEnv', 'DL3064', 'DS-0031', 'kube-linter env-var-secret', 'Polaris sensitiveContainerEnvVar'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const instruction of doc.instructions) {
      const keyword = doc.keyword(instruction);
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      const properties: Property[] = keyword === 'ARG' ? [(instruction as Arg).getProperty()].filter((p): p is Property => !!p) : (instruction as Env).getProperties();
      for (const property of properties) {
        const name = property.getName();
        if (!isSecretName(name)) continue;
        const value = property.getValue();
        const literal = isLiteralSecretValue(value);
        const fix = keyword === 'ARG' ? secretMountFix(doc, instruction, name) : undefined;
        report({
          range: property.getNameRange(),
          severity: literal ? 'error' : undefined,
          message:
            keyword === 'ARG'
              ? `Build argument "${name}" looks like a secret: ARG values are kept in the image history. Use a build secret (RUN --mount=type=secret) instead.`
              : `ENV "${name}" looks like a secret: ENV values are baked into the image for anyone who pulls it. Inject it at run time or use a build secret.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const blocks: [string, Node | undefined][] = [['environment', service.get('environment')?.value]];
      const build = service.get('build')?.value;
      if (isMap(build)) blocks.push(['build.args', yaml.get(build, 'args')]);
      for (const [where, block] of blocks) {
        for (const entry of envEntries(yaml, block)) {
          if (!isSecretName(entry.name) || entry.value === undefined) continue;
          const literal = isLiteralSecretValue(entry.value) || interpolationDefaults(entry.value).some((d) => isLiteralSecretValue(d));
          if (!literal) continue;
          report({
            range: entry.nameRange,
            message: `${where} "${entry.name}" of service "${service.name}" holds a literal secret; reference it as \${${entry.name}} from an untracked .env file or use Compose secrets.`,
            fixes: [composeFix(yaml, entry)],
          });
        }
      }
    }
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      for (const { item, name, nameNode, value: valueLookup } of containerEnv(container)) {
        if (!name || !valueLookup || !isSecretName(name)) continue;
        if (!isLiteralSecretValue(scalarString(valueLookup.value))) continue;
        report({
          range: yaml.range(nameNode),
          message: `Environment variable "${name}" of the ${containerLabel(container)} holds a literal secret; read it from a Secret with valueFrom.secretKeyRef.`,
          fixes: [secretKeyRefFix(yaml, item, valueLookup.pair, object.name, name)],
        });
      }
    }
  },
});

function secretId(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

/** ARG NAME used by RUN → the RUNs mount it as a build secret and the ARG goes. */
function secretMountFix(doc: DockerfileModel, arg: Instruction, name: string): Fix | undefined {
  const stage = doc.stageOf(arg);
  if (!stage) return undefined;
  const uses = new RegExp(`\\$\\{?${name}\\b`);
  const line = arg.getRange().start.line;
  const runs = stage.instructions.filter((i) => doc.keyword(i) === 'RUN' && i.getRange().start.line > line && uses.test(i.getRawArgumentsContent() ?? ''));
  if (runs.length === 0) return undefined;
  const mount = ` --mount=type=secret,id=${secretId(name)},env=${name}`;
  const edits: TextEdit[] = runs.map((run) => {
    const at = run.getInstructionRange().end;
    return { range: { start: at, end: at }, newText: mount };
  });
  const start = { line, character: 0 };
  const endLine = arg.getRange().end.line + 1;
  const end = endLine < doc.lines.lineCount ? { line: endLine, character: 0 } : arg.getRange().end;
  edits.unshift({ range: { start, end }, newText: '' });
  return {
    title: `Pass ${name} as a build secret (RUN --mount=type=secret,id=${secretId(name)}); build with --secret id=${secretId(name)}`,
    edits,
    safe: false,
  };
}

function composeFix(yaml: YamlDoc, entry: EnvEntry): Fix {
  const reference = `\${${entry.name}}`;
  const edit: TextEdit =
    entry.form === 'map'
      ? replaceScalar(yaml, entry.node, JSON.stringify(reference))
      : replaceScalar(yaml, entry.node, JSON.stringify(`${entry.name}=${reference}`));
  return { title: `Read ${entry.name} from the environment (\${${entry.name}}) instead of the file (set it in an untracked .env)`, edits: [edit], safe: false };
}

function secretKeyRefFix(yaml: YamlDoc, item: YAMLMap, valuePair: Pair, objectName: string | undefined, name: string): Fix {
  const secretName = `${objectName ?? 'app'}-secrets`;
  const key = secretId(name);
  const keyNode = valuePair.key as Node;
  const start = keyNode.range![0];
  const end = (valuePair.value as Node).range![1];
  let newText: string;
  if (item.flow) {
    newText = `valueFrom: {secretKeyRef: {name: ${secretName}, key: ${key}}}`;
  } else {
    const column = yaml.lines.positionAt(start).character;
    const step = indentStep(yaml);
    const eol = yaml.lines.eol;
    const pad = (n: number) => ' '.repeat(column + n * step);
    newText = `valueFrom:${eol}${pad(1)}secretKeyRef:${eol}${pad(2)}name: ${secretName}${eol}${pad(2)}key: ${key}`;
  }
  return {
    title: `Read ${name} from Secret "${secretName}" (valueFrom.secretKeyRef; create the Secret first)`,
    edits: [{ range: yaml.lines.rangeOf(start, end), newText }],
    safe: false,
  };
}

