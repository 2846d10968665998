// Writes schemas/shipshape.schema.json, the JSON Schema of the rules file, from the rule registry.
// `npx tsx scripts/gen-schema.ts --check` fails when the committed schema is out of date (CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesFileSchema } from '../server/src/config/schema';
import { allRules } from '../server/src/rules';

const target = join(__dirname, '..', 'schemas', 'shipshape.schema.json');
const text = JSON.stringify(rulesFileSchema(allRules), null, 2) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing schema is out of date.
  }
  if (current.replace(/\r\n/g, '\n') !== text) {
    console.error('schemas/shipshape.schema.json is out of date: run `npx tsx scripts/gen-schema.ts`.');
    process.exit(1);
  }
  console.log('schemas/shipshape.schema.json is up to date.');
} else {
  writeFileSync(target, text);
  console.log(`Wrote ${target} (${allRules.length} rules).`);
}
