// npm run build (and prepare): compile the trees, then bundle the CLI into dist/ with zero
// runtime dependencies. `--write-generated` also refreshes the committed generated files.
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled ESM has no `require`; yaml's Node build is CommonJS and requires node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

await rm(`${root}/dist`, { recursive: true, force: true });

// The tree compiler is TypeScript too: bundle it to a scratch file and run it.
const compiler = `${root}/node_modules/.cache/optout-check/compile-trees.mjs`;
await build({ ...common, entryPoints: [`${root}/src/build/compile-trees.ts`], outfile: compiler });
const { compileTrees } = await import(pathToFileURL(compiler).href);
const problems = await compileTrees(root, process.argv.includes('--write-generated'));
if (problems.length > 0) {
  console.error(`${problems.join('\n')}\nbuild failed: the trees above are invalid`);
  process.exit(3);
}

// commander requires child_process at load time but only uses it for executable subcommands,
// which optout-check has none of. Deferring it to first use saves ~10 ms per start (measured).
const deferChildProcess = {
  name: 'defer-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'deferred' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

await build({
  ...common,
  plugins: [deferChildProcess],
  entryPoints: { cli: `${root}/src/cli.ts` },
  outdir: `${root}/dist`,
  splitting: true,
  minify: true,
  chunkNames: '[name]-[hash]',
  define: { __VERSION__: JSON.stringify(version) },
});
