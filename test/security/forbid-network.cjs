// Preloaded into the bundled server and CLI by test/security/no-network.test.ts (NODE_OPTIONS=--require):
// any attempt to start a process, open a socket or fetch a URL is written to stderr and fails.
'use strict';
const report = (what) => {
  process.stderr.write(`FORBIDDEN ${what}\n`);
  throw new Error(`forbidden in Shipshape: ${what}`);
};
const childProcess = require('child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => report(`child_process.${name}`);
}
const net = require('net');
for (const name of ['connect', 'createConnection', 'createServer']) net[name] = () => report(`net.${name}`);
net.Socket.prototype.connect = () => report('net.Socket.connect');
for (const mod of ['http', 'https']) {
  const m = require(mod);
  for (const name of ['request', 'get', 'createServer']) m[name] = () => report(`${mod}.${name}`);
}
require('dgram').createSocket = () => report('dgram.createSocket');
require('tls').connect = () => report('tls.connect');
globalThis.fetch = () => report('fetch');
globalThis.XMLHttpRequest = function () {
  report('XMLHttpRequest');
};
