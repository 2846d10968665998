import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { getRule, ruleIds } from '../engine/registry';
import { allRules } from '../rules';

/** What the rules file needs to know about the rules: their ids, other tools' ids and option schemas. */
export interface RuleCatalog {
  ids(): string[];
  get(id: string): { options?: Record<string, unknown> } | undefined;
  /** Our rule id for another tool's id (DL3007 → image-latest-tag). */
  byAka(id: string): string | undefined;
}

let akaMap: Map<string, string> | undefined;

/** The catalog of the rules built into this version of Shipshape. */
export const registryCatalog: RuleCatalog = {
  ids: ruleIds,
  get: (id) => getRule(id)?.meta,
  byAka: (id) => {
    if (!akaMap) {
      akaMap = new Map();
      for (const rule of allRules) for (const aka of rule.meta.docs.aka) akaMap.set(aka.toLowerCase(), rule.meta.id);
    }
    return akaMap.get(id.toLowerCase());
  },
};

export interface OptionsProblem {
  /** Path inside the options object (keys and indexes). */
  path: string[];
  message: string;
  /** The last path segment names a key that should not be there: point at the key. */
  atKey?: boolean;
}

// The schemas compiled here are the rules' own (from the registry), never anything from a rules file.
const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Problems of a rule's options against its JSON Schema. */
export function optionsProblems(schema: Record<string, unknown>, options: unknown): OptionsProblem[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(options)) return [];
  return (validate.errors ?? []).slice(0, 10).map(describeError);
}

function describeError(error: ErrorObject): OptionsProblem {
  const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = path.length > 0 ? `"${path.join('.')}" ` : '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return { path: [...path, key], message: `unknown option "${key}"`, atKey: true };
    }
    case 'enum':
      return { path, message: `${at}must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { path, message: `${at}${error.message ?? 'is not valid'}` };
  }
}
