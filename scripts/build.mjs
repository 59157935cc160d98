// npm run build (and npm test): compile the trees, then bundle the CLI into dist/ with zero
// runtime dependencies. `--write-generated` also refreshes the committed generated files.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { importTool } from './import-tool.mjs';
import { thirdPartyLicenses } from './third-party-licenses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', define: { __VERSION__: JSON.stringify(version) } };

await rm(`${root}dist`, { recursive: true, force: true });

const { compileTrees, writeReadme } = await importTool(root, 'compile-trees');
const writeGenerated = process.argv.includes('--write-generated');
const problems = await compileTrees(root, writeGenerated);
if (problems.length > 0) {
  console.error(`${problems.join('\n')}\nbuild failed: the trees or translations above are invalid`);
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

// The shipped code is CommonJS: an ES-module entry makes Node start its ESM loader, which costs
// ~0.2× of a bare `node -e 0` (measured), more than the whole answer. One file for the main
// path, and one bundle per lazily loaded module, which the main path require()s when needed.
const lazy = [
  'program',
  'terminal/interview',
  'terminal/plan-interview',
  'terminal/prompt',
  'terminal/plain-prompt',
  'terminal/layout',
  'terminal/pager',
  'render/text',
  'render/plan-text',
  'render/plan-markdown',
  'load/tree-file',
  'load/catalogue-file',
  'load/language',
  'commands/validate',
  'commands/plan',
  'commands/completion',
  'commands/sources-check',
  'commands/changes',
  'commands/site',
];
// Named after their folder too (render-text.cjs): commands/plan and a renderer of plans may not collide.
const bundleName = (m) => m.replace('/', '-');
const lazyFiles = new Map(lazy.map((m) => [`${root}src/${m}.ts`, `./${bundleName(m)}.cjs`]));
const lazyAsSiblings = {
  name: 'lazy-as-siblings',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const sibling = lazyFiles.get(join(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      // A lazy module is always its own file, also when another lazy module imports it.
      if (sibling) return { path: sibling, external: true };
      if (args.kind === 'dynamic-import') throw new Error(`${args.path}: a dynamic import must be one of the lazy modules`);
      return undefined;
    });
  },
};

const { metafile } = await build({
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // import() becomes require(), so that no ES module is ever loaded at run time.
  supported: { 'dynamic-import': false },
  // CommonJS has no import.meta; the sources use import.meta.url to find dist/ and trees/.
  define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [deferChildProcess, lazyAsSiblings],
  entryPoints: { cli: `${root}src/cli.ts`, ...Object.fromEntries(lazy.map((m) => [bundleName(m), `${root}src/${m}.ts`])) },
  outdir: `${root}dist`,
  minify: true,
  metafile: true,
});

// The licences of what was bundled, shipped with it.
await writeFile(`${root}dist/THIRD-PARTY-LICENSES.md`, thirdPartyLicenses(metafile, root));

// The site's assets, which `site` copies beside its pages: the style sheet, the icon, and the
// plan page's script, bundled for browsers from the same core and renderers as the CLI.
await mkdir(`${root}dist/site`, { recursive: true });
for (const asset of ['site.css', 'favicon.svg']) await copyFile(`${root}src/browser/${asset}`, `${root}dist/site/${asset}`);
await build({
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  logLevel: 'warning',
  entryPoints: [`${root}src/browser/plan.ts`],
  outfile: `${root}dist/site/plan.js`,
  minify: true,
  // No comments, no build paths: the same sources give the same bytes, in every clone.
  legalComments: 'none',
});

// The README's examples run the binary just built.
if (writeGenerated) await writeReadme(root);
