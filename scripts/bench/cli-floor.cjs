// Throughput floor for the CLI benchmark: one Node process that walks the
// tree, reads every file and parses it (dockerfile-ast / yaml from the repo's
// node_modules), with no rules at all. Usage: node cli-floor.cjs <repoRoot> <dir>
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const [repoRoot, dir] = process.argv.slice(2);
const req = createRequire(path.join(repoRoot, 'package.json'));
const { DockerfileParser } = req('dockerfile-ast');
const YAML = req('yaml');

let files = 0;
let nodes = 0;
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) { walk(p); continue; }
    const text = fs.readFileSync(p, 'utf8');
    if (e.name === 'Dockerfile' || e.name.endsWith('.Dockerfile')) {
      nodes += DockerfileParser.parse(text).getInstructions().length;
    } else if (/\.ya?ml$/.test(e.name)) {
      nodes += YAML.parseAllDocuments(text).length;
    } else continue;
    files++;
  }
}
walk(dir);
process.stdout.write(JSON.stringify({ files, nodes }) + '\n');
