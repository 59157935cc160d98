#!/usr/bin/env node
// The installed command. CommonJS on purpose: an ES-module entry alone costs ~0.2× of a bare
// Node start. Checks the Node version before loading anything that needs a newer one.
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  console.error(`optout-check needs Node.js 20.17 or newer; this is ${process.version}.`);
  process.exit(1);
}
// Caches compiled code on Node >= 22.8; a no-op on Node 20.
require('node:module').enableCompileCache?.();

try {
  require.resolve('../dist/cli.cjs');
} catch {
  console.error('optout-check is not built: run `npm install` (or `npm run build`) in its folder.');
  process.exit(1);
}
require('../dist/cli.cjs');
