// npm run bench: start-up and scale, as ratios to `node -e 0` measured in the same run.
//   npm run bench                  # both sections
//   npm run bench -- --startup     # start-up only (scripted verdict, plan, --help, first prompt)
//   npm run bench -- --scale       # validate on generated 1k/10k/20k-node trees
//   npm run bench -- --keys        # validate on flat 40k/80k/160k-key mappings: linear, not quadratic
//   npm run bench -- --site        # site on generated trees of 1,200, 2,400 and 4,800 paths: linear
//   npm run bench -- --limits      # each hostile shape of issue 20 at the largest size the limits
//                                  # allow, and past them: exit code, time and peak memory (not in the default run)
// Cases run interleaved in a shuffled order each round, so machine noise hits all alike.
// NODE_EXTRA_CA_CERTS is unset: it adds ~100 ms to every Node start on the project's machines.
// The locale is English, as it is for most runs; the German case asks for German with --lang.
import { spawn as spawnPty } from '@lydell/node-pty';
import { execFileSync, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTool } from './import-tool.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/optout-check.cjs');
const env = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
for (const name of ['NODE_EXTRA_CA_CERTS', 'LC_ALL', 'LC_MESSAGES', 'OPTOUT_CHECK_LANG']) delete env[name];
const only = process.argv.find((a) => a === '--startup' || a === '--scale' || a === '--keys' || a === '--site' || a === '--limits');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const shuffle = (xs) => xs.map((x) => [Math.random(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

function timeCommand(args, before = () => {}) {
  before();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !(args.includes('validate') && result.status === 3)) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return ms;
}

/** In a pseudo-terminal: ms until `text` is on screen (or until exit, when text is null). */
function timeInTerminal(args, text) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    const term = spawnPty(process.execPath, args, { cols: 120, rows: 40, cwd: root, env });
    let screen = '';
    let shownAt;
    const timer = setTimeout(() => reject(new Error(`no "${text}" within 20 s`)), 20_000);
    term.onData((data) => {
      screen += data;
      if (shownAt === undefined && text && screen.includes(text)) {
        shownAt = elapsed();
        term.kill();
      }
    });
    // Resolve only once the process is gone, so it cannot slow down the next measurement.
    term.onExit(() => {
      clearTimeout(timer);
      resolve(shownAt ?? elapsed());
    });
  });
}

async function measure(cases, rounds) {
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (const c of cases) await c.run(); // warm the file cache
  for (let r = 0; r < rounds; r++) {
    for (const c of shuffle(cases)) samples.get(c.name).push(await c.run());
  }
  return new Map([...samples].map(([name, xs]) => [name, median(xs)]));
}

function report(title, medians, rows) {
  console.log(`\n${title}`);
  let ok = true;
  for (const { name, base, target } of rows) {
    const ms = medians.get(name);
    const ratio = base ? ms / medians.get(base) : undefined;
    const pass = target === undefined || ratio <= target;
    ok &&= pass;
    const ratioText = ratio === undefined ? '' : `${ratio.toFixed(2)}×`;
    const targetText = target === undefined ? '' : `target ≤ ${target}× ${pass ? 'ok' : 'MISSED'}`;
    console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${ratioText.padStart(6)}  ${targetText}`);
  }
  return ok;
}

/**
 * The built command for a German run: the build itself once the default tree has a German
 * catalogue; until then a copy whose dist/lang/de.json holds a pseudo-translation of every text
 * (npm run i18n -- pseudo), so that the cost of loading and applying a full catalogue is measured.
 */
async function germanBin(tree) {
  const built = join(root, 'dist/lang/de.json');
  if (existsSync(built) && Object.hasOwn(JSON.parse(readFileSync(built, 'utf8')).trees, tree.id)) return { bin, pseudo: false };
  const copy = mkdtempSync(join(tmpdir(), 'optout-check-bench-'));
  cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  const { i18n } = await importTool(root, 'i18n');
  await i18n(root, ['pseudo', 'de', '--dist', join(copy, 'dist')], () => {});
  return { bin: join(copy, 'bin/optout-check.cjs'), pseudo: true };
}

async function startup() {
  const [tree] = JSON.parse(readFileSync(join(root, 'dist/trees.json'), 'utf8'));
  const german = await germanBin(tree);
  const germanName = `scripted --json verdict, --lang de${german.pseudo ? ' (pseudo)' : ''}`;
  const firstPrompt = tree.questions[tree.start].prompt;
  const scripted = ['--region', 'us', '--platform', 'facebook', '--content', 'posts', '--visibility', 'public', '--json'];
  // One plan for three apps and every kind of content: it replaces up to 19 scripted verdicts.
  const plan = ['plan', '--region', 'eu', '--platform', 'facebook,instagram,whatsapp', '--content', 'all', '--visibility', 'public', '--age', 'adult', '--json'];
  const cases = [
    { name: 'node -e 0', run: () => timeCommand(['-e', '0']) },
    { name: 'scripted --json verdict', run: () => timeCommand([bin, ...scripted]) },
    { name: germanName, run: () => timeCommand([german.bin, ...scripted, '--lang', 'de']) },
    { name: 'plan --json, 3 apps × all content', run: () => timeCommand([bin, ...plan]) },
    { name: '--help', run: () => timeCommand([bin, '--help']) },
    { name: 'validate trees/meta-ai-training.yaml', run: () => timeCommand([bin, 'validate', join(root, 'trees/meta-ai-training.yaml')]) },
    { name: 'node -e 0 (in a terminal)', run: () => timeInTerminal(['-e', '0'], null) },
    { name: 'first prompt shown (in a terminal)', run: () => timeInTerminal([bin], firstPrompt) },
  ];
  const medians = await measure(cases, ROUNDS);
  return report(`Start-up: medians of ${ROUNDS} interleaved rounds`, medians, [
    { name: 'node -e 0' },
    { name: 'scripted --json verdict', base: 'node -e 0', target: 1.4 },
    { name: germanName, base: 'scripted --json verdict', target: 1.1 },
    { name: 'plan --json, 3 apps × all content', base: 'scripted --json verdict', target: 1.5 },
    { name: '--help', base: 'node -e 0', target: 1.4 },
    { name: 'validate trees/meta-ai-training.yaml', base: 'node -e 0' },
    { name: 'node -e 0 (in a terminal)' },
    { name: 'first prompt shown (in a terminal)', base: 'node -e 0 (in a terminal)', target: 2.0 },
  ]);
}

async function scale() {
  const dir = mkdtempSync(join(tmpdir(), 'optout-check-bench-'));
  const files = {};
  for (const nodes of [1000, 10000, 20000]) {
    for (const format of ['json', 'yaml']) {
      if (format === 'yaml' && nodes > 10000) continue; // the YAML parser alone takes seconds here
      const file = join(dir, `tree-${nodes}.${format}`);
      writeFileSync(file, execFileSync(process.execPath, [join(root, 'scripts/generate-tree.mjs'), String(nodes), ...(format === 'json' ? ['--json'] : [])], { maxBuffer: 64 * 1024 * 1024 }));
      files[`${nodes} nodes, ${format}`] = file;
    }
  }
  const rounds = Math.max(3, Math.round(ROUNDS / 6));
  const cases = [
    { name: 'node -e 0', run: () => timeCommand(['-e', '0']) },
    ...Object.entries(files).map(([name, file]) => ({ name: `validate ${name}`, run: () => timeCommand([bin, 'validate', file]) })),
  ];
  const medians = await measure(cases, rounds);
  const ok = report(`Scale: validate on generated trees, medians of ${rounds} interleaved rounds`, medians, [
    { name: 'node -e 0' },
    ...Object.keys(files).map((name) => ({ name: `validate ${name}`, base: 'node -e 0' })),
  ]);
  const tenK = medians.get('validate 10000 nodes, json');
  const twentyK = medians.get('validate 20000 nodes, json');
  const growth = twentyK / tenK;
  console.log(`  10k-node JSON tree under 1 s: ${tenK < 1000 ? 'ok' : 'MISSED'} (${tenK.toFixed(0)} ms)`);
  console.log(`  2× the nodes takes ${growth.toFixed(2)}× the time: target ≤ 2.2× ${growth <= 2.2 ? 'ok' : 'MISSED'}`);
  return ok && tenK < 1000 && growth <= 2.2;
}

/**
 * A hostile file: one flat mapping of N keys (not a tree, so validate exits 3). The YAML parser's
 * own duplicate-key check was quadratic here (40k keys took 15 s); the loader's must stay linear,
 * in YAML and in JSON form (JSON that is not a valid tree takes the YAML path too).
 */
async function keys() {
  const dir = mkdtempSync(join(tmpdir(), 'optout-check-bench-'));
  const sizes = [40_000, 80_000, 160_000];
  const files = {};
  for (const n of sizes) {
    const indices = Array.from({ length: n }, (_, i) => i);
    writeFileSync((files[`${n / 1000}k keys, yaml`] = join(dir, `keys-${n}.yaml`)), indices.map((i) => `k${i}: ${i}\n`).join(''));
    writeFileSync((files[`${n / 1000}k keys, json`] = join(dir, `keys-${n}.json`)), `{${indices.map((i) => `"k${i}": ${i}`).join(',\n')}}\n`);
  }
  const rounds = Math.max(3, Math.round(ROUNDS / 10));
  const cases = [
    { name: 'node -e 0', run: () => timeCommand(['-e', '0']) },
    ...Object.entries(files).map(([name, file]) => ({ name: `validate ${name}`, run: () => timeCommand([bin, 'validate', file]) })),
  ];
  const medians = await measure(cases, rounds);
  report(`Keys: validate on flat mappings, medians of ${rounds} interleaved rounds`, medians, [
    { name: 'node -e 0' },
    ...Object.keys(files).map((name) => ({ name: `validate ${name}`, base: 'node -e 0' })),
  ]);
  let ok = true;
  for (const format of ['yaml', 'json']) {
    for (let i = 1; i < sizes.length; i++) {
      const [small, large] = [sizes[i - 1] / 1000, sizes[i] / 1000];
      const growth = medians.get(`validate ${large}k keys, ${format}`) / medians.get(`validate ${small}k keys, ${format}`);
      ok &&= growth <= 2.2;
      console.log(`  ${format}: ${large}k keys take ${growth.toFixed(2)}× the time of ${small}k: target ≤ 2.2× ${growth <= 2.2 ? 'ok' : 'MISSED'}`);
    }
  }
  return ok;
}

/**
 * `site` on generated trees (scripts/generate-tree.mjs: 12 paths per block of 9 nodes), and on the
 * Meta tree: the whole command, writing every page and answer.json into a new folder each run.
 */
async function site() {
  const dir = mkdtempSync(join(tmpdir(), 'optout-check-bench-'));
  const trees = { 'Meta tree, 509 paths in English and German': 'meta-ai-training' };
  for (const blocks of [100, 200, 400]) {
    const file = join(dir, `tree-${blocks}.json`);
    writeFileSync(file, execFileSync(process.execPath, [join(root, 'scripts/generate-tree.mjs'), String(blocks * 9 + 1), '--json']));
    trees[`${blocks * 12} paths`] = file;
  }
  const out = join(dir, 'site');
  const rounds = Math.max(3, Math.round(ROUNDS / 10));
  const cases = [
    { name: 'node -e 0', run: () => timeCommand(['-e', '0']) },
    ...Object.entries(trees).map(([name, tree]) => ({
      name: `site: ${name}`,
      run: () => timeCommand([bin, 'site', '--tree', tree, '--out', out], () => rmSync(out, { recursive: true, force: true })),
    })),
  ];
  const medians = await measure(cases, rounds);
  report(`Site: the whole command on generated trees, medians of ${rounds} interleaved rounds`, medians, [
    { name: 'node -e 0' },
    ...Object.keys(trees).map((name) => ({ name: `site: ${name}`, base: 'node -e 0' })),
  ]);
  for (const [name, tree] of Object.entries(trees)) {
    rmSync(out, { recursive: true, force: true });
    timeCommand([bin, 'site', '--tree', tree, '--out', out]);
    const files = readdirSync(out, { recursive: true }).map((f) => join(out, f)).filter((f) => statSync(f).isFile());
    const sizes = files.map((f) => ({ f, size: statSync(f).size }));
    const pages = sizes.filter(({ f }) => f.endsWith('.html'));
    const largest = pages.reduce((a, b) => (b.size > a.size ? b : a));
    const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log(`  ${name}: ${pages.length} pages (${mb(pages.reduce((n, p) => n + p.size, 0))}), ${files.length} files in all (${mb(sizes.reduce((n, p) => n + p.size, 0))}); largest page ${(largest.size / 1e3).toFixed(0)} kB (${largest.f.slice(out.length + 1)})`);
  }
  let ok = true;
  const sizes = Object.keys(trees).slice(1);
  for (let i = 1; i < sizes.length; i++) {
    const growth = medians.get(`site: ${sizes[i]}`) / medians.get(`site: ${sizes[i - 1]}`);
    ok &&= growth <= 2.2;
    console.log(`  ${sizes[i]} take ${growth.toFixed(2)}× the time of ${sizes[i - 1]}: target ≤ 2.2× ${growth <= 2.2 ? 'ok' : 'MISSED'}`);
  }
  return ok;
}

/**
 * The shapes of the red-team run (tests/growth/shapes.ts) at the largest sizes the limits allow,
 * and past them: each command's exit code, time (median of three) and peak memory (maxRSS, from a
 * reporter preloaded into the binary). Figures for the README and the issue; no targets.
 */
async function limits() {
  const shapesFile = join(root, 'node_modules/.cache/optout-check/shapes.mjs');
  await build({ entryPoints: [join(root, 'tests/growth/shapes.ts')], bundle: true, format: 'esm', platform: 'node', outfile: shapesFile, logLevel: 'warning' });
  const shapes = await import(shapesFile);
  const dir = mkdtempSync(join(tmpdir(), 'optout-check-bench-'));
  let n = 0;
  const file = (data) => {
    const path = join(dir, `shape-${n++}.json`);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
    return path;
  };
  const validate = (data) => ['validate', file(data)];
  const explain = (data) => ['--tree', file(data), '--no-input', '--explain'];
  const yamlOf8MiB = () => {
    const lines = [];
    for (let i = 0, size = 0; size < 8 * 1024 * 1024 - 32; i++) size += lines[lines.push(`k${i}: ${i}\n`) - 1].length;
    return lines.join('');
  };
  const cases = [
    ['F1', 'matrix --json, 2^13 paths', ['matrix', '--tree', file(shapes.binaryChain(13)), '--json']],
    ['F1', 'matrix, 2^22 paths (past)', ['matrix', '--tree', file(shapes.binaryChain(22))]],
    ['F2', 'plan, 2^13 open paths', ['plan', '--tree', file(shapes.varyingChain(14)), ...shapes.varyingChainArgs(14)]],
    ['F2', 'plan, 2^27 open paths (past)', ['plan', '--tree', file(shapes.varyingChain(28)), ...shapes.varyingChainArgs(28)]],
    ['F3', 'validate, 200 one-choice questions', validate(shapes.singleChain(200))],
    ['F3', '--explain, 200 one-choice questions', explain(shapes.singleChain(200))],
    ['F3', 'validate, a when naming 200 keys', validate(shapes.conditionChain(200))],
    ['F3', 'validate, 20,000 questions (past)', validate(shapes.singleChain(20_000))],
    ['F3', 'a verdict, 20,000 questions (past)', explain(shapes.singleChain(20_000))],
    ['F4', 'validate, 1,000 choices', validate(shapes.wideQuestion(1_000))],
    ['F4', 'a verdict, 1,000 choices', ['--tree', file(shapes.wideQuestion(1_000)), '--q0', 'c999']],
    ['F4', '--help, 1,000 choices', ['--tree', file(shapes.wideQuestion(1_000)), '--help']],
    ['F4', 'completion zsh, 1,000 choices', ['completion', 'zsh', '--tree', file(shapes.wideQuestion(1_000))]],
    ['F4', 'missing answers, 1,000 choices', ['--tree', file(shapes.wideQuestion(1_000))]],
    ['F4', 'validate, 80,000 choices (past)', validate(shapes.wideQuestion(80_000))],
    ['F5', 'plan --json, 10,000 combinations × 200 steps', ['--tree', file(shapes.manySteps(200)), ...shapes.MANY_STEPS_ARGS]],
    ['F5', 'plan (text), the same', ['--tree', file(shapes.manySteps(200)), 'plan', '--q0', 'all', '--q1', 'all']],
    ['F5', 'plan, 4,000 steps (past)', ['--tree', file(shapes.manySteps(4_000)), ...shapes.MANY_STEPS_ARGS]],
    ['F6', 'validate, an id of 30,000 characters (past)', validate(shapes.longId(30_000))],
    ['F6', 'a verdict, the same (past)', explain(shapes.longId(30_000))],
    ['F7', '--explain, 1,000 quotes', explain(shapes.manyQuotes(1_000))],
    ['F7', '--explain, 200,000 quotes (past)', explain(shapes.manyQuotes(200_000))],
    ['F8', '999 --answer pairs', shapes.answerPairs(999)],
    ['F8', '60,000 --answer pairs (past)', shapes.answerPairs(60_000)],
    ['F9', 'validate /proc/self/pagemap (size 0, endless)', ['validate', '/proc/self/pagemap']],
    ['F9', 'validate, 19,999 nodes as JSON', ['validate', file(execFileSync(process.execPath, [join(root, 'scripts/generate-tree.mjs'), '19999', '--json'], { maxBuffer: 1 << 26 }).toString())]],
    ['F9', 'validate, 8 MiB of YAML (past: not a tree)', validate(yamlOf8MiB())],
  ];
  const reporter = join(root, 'tests/growth/report-rss.cjs');
  const runOnce = (args) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', reporter, bin, ...args], { env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, code: result.status ?? result.signal, mb: Number(String(result.output[3])) / 1024, stderr: String(result.stderr) };
  };
  console.log('\nLimits: each shape at the largest size allowed, and past it (median of 3 runs; maxRSS)');
  console.log(`  ${'row'.padEnd(4)}${'case'.padEnd(48)}${'exit'.padStart(5)}${'time'.padStart(10)}${'peak'.padStart(10)}`);
  for (const [row, name, args] of cases) {
    const runs = [runOnce(args), runOnce(args), runOnce(args)];
    const first = runs[0];
    const line = first.stderr.split('\n').find((l) => /limit is/.test(l)) ?? '';
    console.log(`  ${row.padEnd(4)}${name.padEnd(48)}${String(first.code).padStart(5)}${`${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s`.padStart(10)}${`${Math.max(...runs.map((r) => r.mb)).toFixed(0)} MB`.padStart(10)}  ${line.slice(0, 90)}`);
  }
  return true;
}

let ok = true;
if (only === '--limits') ok = (await limits()) && ok;
if (!only || only === '--startup') ok = (await startup()) && ok;
if (!only || only === '--scale') ok = (await scale()) && ok;
if (!only || only === '--keys') ok = (await keys()) && ok;
if (!only || only === '--site') ok = (await site()) && ok;
process.exitCode = ok ? 0 : 1;
