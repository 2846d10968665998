// Writes schemas/shipshape.schema.json, the JSON Schema of the rules file, from the rule registry.
// `npx tsx scripts/gen-schema.ts --check` fails when the committed schema is out of date (CI).
import { join } from 'node:path';
import { rulesFileSchema } from '../server/src/config/schema';
import { allRules } from '../server/src/rules';
import { writeGenerated } from './generated-file';

const target = join(__dirname, '..', 'schemas', 'shipshape.schema.json');
const text = JSON.stringify(rulesFileSchema(allRules), null, 2) + '\n';

writeGenerated(target, text, 'npx tsx scripts/gen-schema.ts', `${allRules.length} rules`);
