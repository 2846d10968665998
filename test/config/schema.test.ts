import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { RULES_FILE_TEMPLATE } from '../../server/src/cli/init-command';
import { parseRulesFile } from '../../server/src/config/parse';
import { registryCatalog } from '../../server/src/config/rule-catalog';
import { rulesFileSchema } from '../../server/src/config/schema';
import { defineRule } from '../../server/src/engine/rule';
import { allRules } from '../../server/src/rules';
import { CAPS_OPTIONS } from './fake-catalog';

const EXAMPLES = join(__dirname, 'examples');
const examples = readdirSync(EXAMPLES).map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), 'utf8') }));
const committed = readFileSync(join(__dirname, '..', '..', 'schemas', 'shipshape.schema.json'), 'utf8');

function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

describe('rules file JSON Schema', () => {
  const schema = rulesFileSchema(allRules);
  const validate = validator(schema);

  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strict: false });
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
  });

  it('is generated from the registry: every rule id is in it, nothing else', () => {
    const ids = Object.keys((schema as { properties: { rules: { properties: object } } }).properties.rules.properties);
    assert.deepEqual(ids, allRules.map((r) => r.meta.id).sort());
  });

  it('the committed schemas/shipshape.schema.json is up to date (npx tsx scripts/gen-schema.ts)', () => {
    assert.ok(committed.replace(/\r\n/g, '\n') === JSON.stringify(schema, null, 2) + '\n', 'schemas/shipshape.schema.json is out of date: run `npx tsx scripts/gen-schema.ts`');
  });

  for (const example of examples) {
    it(`accepts the example ${example.name}, and so does the server's checker`, () => {
      assert.ok(validate(parse(example.text)), JSON.stringify(validate.errors));
      assert.deepEqual(parseRulesFile(example.text, registryCatalog).problems, []);
    });
  }

  it('accepts the template `shipshape init` writes', () => {
    assert.ok(validate(parse(RULES_FILE_TEMPLATE)), JSON.stringify(validate.errors));
    assert.deepEqual(parseRulesFile(RULES_FILE_TEMPLATE, registryCatalog).problems, []);
  });

  const mistakes: Array<[string, string]> = [
    ['unknown rule id', 'rules: { image-latest-tg: error }'],
    ['bad severity', 'rules: { image-latest-tag: eror }'],
    ['options on a rule without options', 'rules: { image-latest-tag: [error, { a: 1 }] }'],
    ['unknown setting', 'trustedRegistry: [a]'],
    ['bad profile', 'extends: strikt'],
    ['list written as a string', 'ignorePaths: vendor'],
    ['override without files', 'overrides: [{ rules: { image-latest-tag: off } }]'],
    ['boolean written as a string', 'allowInlineIgnores: "no"'],
  ];
  for (const [what, text] of mistakes) {
    it(`rejects ${what}, as the server's checker does`, () => {
      assert.equal(validate(parse(text)), false);
      assert.ok(parseRulesFile(text, registryCatalog).problems.length > 0);
    });
  }

  it("embeds each rule's option schema, so options are checked and completed in the editor", () => {
    const rule = defineRule({
      meta: { id: 'capabilities-nondefault', kinds: [], profile: 'recommended', severity: 'warning', docs: { summary: 'x', aka: [] }, fixable: false, options: CAPS_OPTIONS },
    });
    const check = validator(rulesFileSchema([rule]));
    assert.ok(check({ rules: { 'capabilities-nondefault': ['warning', { allow: ['SYS_TIME'] }] } }));
    assert.ok(check({ rules: { 'capabilities-nondefault': 'off' } }));
    assert.equal(check({ rules: { 'capabilities-nondefault': ['warning', { allow: ['sys_time'] }] } }), false);
    assert.equal(check({ rules: { 'capabilities-nondefault': ['warning', { allowed: [] }] } }), false);
  });
});
