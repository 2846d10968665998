import { ruleDocsWebUrl } from '../engine/docs';
import type { Rule } from '../engine/rule';

/** Severities a rules file may set; `off` turns a rule off. */
export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export const PROFILES = ['recommended', 'strict'] as const;

export const SCHEMA_ID = 'https://shipshape.dev/schemas/shipshape.schema.json';

export const KIND_NAMES = { dockerfile: 'Dockerfile', compose: 'Compose', kubernetes: 'Kubernetes' } as const;

// Empty values (`rules:` with only comments below it, as `shipshape init` writes) are allowed: null.
const globList = (description: string) => ({
  type: ['array', 'null'],
  description,
  items: { type: 'string', minLength: 1, maxLength: 256 },
  uniqueItems: true,
});

function ruleEntrySchema(rule: Rule): Record<string, unknown> {
  const { meta } = rule;
  const kinds = meta.kinds.map((k) => KIND_NAMES[k]).join(', ');
  const description = `${meta.docs.summary} (${kinds}; ${meta.profile} profile, default ${meta.severity}${meta.fixable ? ', has a quick-fix' : ''})`;
  const options = meta.options ?? { type: 'object', additionalProperties: false, maxProperties: 0 };
  return {
    description,
    markdownDescription: `${description}\n\n[Documentation](${ruleDocsWebUrl(meta.id)})`,
    oneOf: [
      { $ref: '#/definitions/level' },
      {
        type: 'array',
        items: [{ $ref: '#/definitions/level' }, options],
        minItems: 1,
        maxItems: meta.options ? 2 : 1,
        additionalItems: false,
      },
    ],
  };
}

function rulesMapSchema(rules: readonly Rule[], description: string): Record<string, unknown> {
  return {
    type: ['object', 'null'],
    description,
    properties: Object.fromEntries(rules.map((r) => [r.meta.id, { $ref: `#/definitions/rules/${r.meta.id}` }])),
    additionalProperties: false,
  };
}

/**
 * The JSON Schema of `.shipshape.yaml` / `.shipshape.json`, built from the rule registry (ids, summaries,
 * option schemas) so it cannot drift from the rules. `scripts/gen-schema.ts` writes it to `schemas/`.
 */
export function rulesFileSchema(rules: readonly Rule[]): Record<string, unknown> {
  const sorted = [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Shipshape rules file',
    description: "The team's Shipshape policy for Dockerfiles, Compose files and Kubernetes manifests, read by the editor, the CLI and CI.",
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file (for editors).' },
      extends: {
        description: 'The profile to start from: recommended (the default) or strict (adds hardening rules).',
        enum: [...PROFILES],
        default: 'recommended',
      },
      rules: rulesMapSchema(sorted, 'Per-rule severity (off | info | warning | error), or [severity, { options }].'),
      trustedRegistries: {
        ...globList('Registries images may come from; turns on image-untrusted-registry. Wildcards: "*.gcr.io", "my.co*", "*". Images without a registry come from docker.io.'),
      },
      images: {
        type: ['object', 'null'],
        description: 'Team pins: image name (without tag) → the tag the image-latest-tag / image-untagged quick-fixes write.',
        additionalProperties: { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' },
      },
      nonRootBaseImages: globList('Base images known to run as a non-root user (globs such as "gcr.io/distroless/*:nonroot"); user-missing trusts them.'),
      ignorePaths: globList('Paths never linted: globs relative to this file\'s folder ("third_party/**", "**/testdata"). A folder covers everything below it.'),
      allowInlineIgnores: { type: 'boolean', default: true, description: 'Set to false to refuse "# shipshape ignore=..." comments in files.' },
      overrides: {
        type: ['array', 'null'],
        description: 'Rule settings for some files, applied in order (later entries win). `files` globs are relative to this file\'s folder.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { oneOf: [{ type: 'string', minLength: 1, maxLength: 256 }, { ...globList('Files this entry applies to.'), type: 'array', minItems: 1 }] },
            rules: rulesMapSchema(sorted, 'Rule settings for these files.'),
          },
        },
      },
    },
    definitions: {
      level: { enum: [...RULE_LEVELS], description: 'off | info | warning | error' },
      rules: Object.fromEntries(sorted.map((r) => [r.meta.id, ruleEntrySchema(r)])),
    },
  };
}
