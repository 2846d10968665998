// extensionTestsPath entry of the harness self-test (scripts/e2e/selftest.sh): runs this folder's *.test.js.
'use strict';
exports.run = () => require('../suite/index.js').runFolder(__dirname);
