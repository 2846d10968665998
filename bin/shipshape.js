#!/usr/bin/env node
'use strict';
// The CLI is bundled with the language server's engine; `npm run build` writes dist/cli.js.
require('../dist/cli.js').runFromProcess();
