// extensionTestsPath entry: VS Code's extension host calls run() and waits for the promise.
// Started by scripts/e2e/run-ext-tests.mjs; runs every *.test.js in this folder with mocha.
//
// Environment (set on code-server by the runner; the extension host inherits it):
//   SHIPSHAPE_E2E_MOCHA    absolute path of the mocha package to load (the e2e cache's CommonJS mocha 11);
//                          falls back to require('mocha') from the repository.
//   SHIPSHAPE_E2E_RESULTS  file that receives a copy of the reporter output (the runner prints it).
//   SHIPSHAPE_E2E_GREP     optional mocha --grep.
'use strict';
const fs = require('fs');
const path = require('path');

function loadMocha() {
  const m = require(process.env.SHIPSHAPE_E2E_MOCHA || 'mocha');
  return m.default || m; // mocha 12 is ESM: require(esm) gives a namespace on Node >= 22
}

/** Runs every *.test.js of `dir` with mocha (the stand-in self-test reuses this with its own folder). */
function runFolder(dir) {
  const Mocha = loadMocha();
  const out = process.env.SHIPSHAPE_E2E_RESULTS;
  if (out) {
    // tee the reporter output into the results file the runner prints (tests add lines with helpers.note)
    fs.writeFileSync(out, '');
    const orig = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args) => { fs.appendFileSync(out, require('util').format(...args) + '\n'); orig(...args); };
  }
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec',
    grep: process.env.SHIPSHAPE_E2E_GREP || undefined });
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        if (failures) reject(new Error(`${failures} test(s) failed.`));
        else if (runner.stats && runner.stats.tests === 0) reject(new Error('no test ran'));
        else resolve();
      });
    } catch (e) { reject(e); }
  });
}

exports.runFolder = runFolder;
exports.run = () => runFolder(__dirname);
