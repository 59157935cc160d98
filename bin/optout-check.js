#!/usr/bin/env node
// The installed command. Checks the Node version before loading anything that needs a newer one.
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  console.error(`optout-check needs Node.js 20.17 or newer; this is ${process.version}.`);
  process.exit(1);
}
module.enableCompileCache?.();

try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
  console.error('optout-check is not built: run `npm install` (or `npm run build`) in its folder.');
  process.exit(1);
}
