import type { RuleCatalog } from '../../server/src/config/rule-catalog';

/** A small, fixed rule catalog, so these tests do not move when rules are added. */
export const CAPS_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  properties: { allow: { type: 'array', items: { type: 'string', pattern: '^[A-Z_]+$' } } },
};

const rules: Record<string, { options?: Record<string, unknown> }> = {
  'image-latest-tag': {},
  'image-untagged': {},
  'port-all-interfaces': {},
  'resource-limits-missing': {},
  'capabilities-nondefault': { options: CAPS_OPTIONS },
};

export const fakeCatalog: RuleCatalog = {
  ids: () => Object.keys(rules),
  get: (id) => rules[id],
  byAka: (id) => (id.toUpperCase() === 'DL3007' ? 'image-latest-tag' : undefined),
};
