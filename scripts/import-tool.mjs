// Build-time tools are TypeScript too (src/build/): each is bundled to a scratch ES module and
// imported. Bundled ESM has no `require`, which yaml's CommonJS build needs for Node's built-ins.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** `name`: a module of src/build/, e.g. compile-trees. */
export async function importTool(root, name) {
  const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const outfile = `${root}node_modules/.cache/optout-check/${name}.mjs`;
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify(version) },
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    entryPoints: [`${root}src/build/${name}.ts`],
    outfile,
  });
  return import(pathToFileURL(outfile).href);
}
