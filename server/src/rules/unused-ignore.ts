import { defineRule } from '../engine/rule';

/**
 * Reported by the suppression stage (server/src/engine/suppress.ts), which alone knows which
 * ignores silenced something; the rule holds the metadata so `rules:` levels, profiles, docs and
 * `shipshape rules` treat it like any other rule.
 */
export default defineRule({
  meta: {
    id: 'unused-ignore',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'info',
    docs: {
      summary: 'An ignore comment or annotation that silences nothing should be removed, so stale exceptions do not pile up.',
      aka: [],
    },
    fixable: true,
  },
  dockerfile() {},
  compose() {},
  kubernetes() {},
});
