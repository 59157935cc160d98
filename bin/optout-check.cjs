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

// The package from the registry ships dist/. A clone of the repository builds it on its first
// run instead of in an install script, which npm would warn about to everyone installing the package.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
if (!existsSync(join(__dirname, '../dist/cli.cjs'))) {
  const build = join(__dirname, '../scripts/build.mjs');
  if (!existsSync(build)) {
    console.error('optout-check is incomplete: its dist/ folder is missing. Install it again.');
    process.exit(1);
  }
  console.error('optout-check: building it first, once in this clone (npm run build does the same)…');
  // The build's own output goes to stderr too: stdout is for the answer.
  const { status } = require('node:child_process').spawnSync(process.execPath, [build], { stdio: ['ignore', 2, 2] });
  if (status !== 0) {
    console.error('optout-check: the build failed (see above); did `npm install` run in this folder?');
    process.exit(1);
  }
}
require('../dist/cli.cjs');
