// Shared by the fuzz tests: how long they run, how to replay a failure, and what they generate.
//
//   npm test                                  # a quick pass: 300 argument vectors, 100 trees and
//                                             # 10 large ones in-process, 10, 4 and 3 on the binary
//   FUZZ_RUNS=10000 npx vitest run tests/fuzz # 10,000 argument vectors and 3,334 mutated trees
//                                             # in-process, 334 and 34 on the binary
//   FUZZ_BINARY_RUNS=10000 npx vitest run tests/fuzz/binary.test.ts   # 10,000 command lines and
//                                             # 1,000 mutated trees on the built binary (slow)
//   FUZZ_SEED=… FUZZ_PATH=… npx vitest run tests/fuzz   # replay a failure (fast-check prints both)
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import * as shapes from '../growth/shapes.js';
import { ROOT } from '../helpers.js';

const runs = Number(process.env.FUZZ_RUNS) || 300;
const binaryRuns = Number(process.env.FUZZ_BINARY_RUNS) || Math.max(8, Math.ceil(runs / 30));

/** Runs per property: argument vectors, trees, and the sample of each run on the built binary. */
export const RUNS = {
  args: runs,
  trees: Math.ceil(runs / 3),
  binaryArgs: binaryRuns,
  binaryTrees: Math.max(4, Math.ceil(binaryRuns / 10)),
  largeTrees: Math.max(10, Math.ceil(runs / 30)),
  binaryLarge: Math.max(3, Math.ceil(binaryRuns / 10)),
};

/** fast-check's settings: a failure reports its seed and path, which FUZZ_SEED and FUZZ_PATH replay. */
export const settings = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH } : {}),
});

/** A time limit for a test that runs `n` cases, each within `each` ms. */
export const timeLimit = (n: number, each: number) => Math.max(30_000, n * each);

/** A control character other than newline and tab: what must never reach a terminal from a tree. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const ATTACKS = ['\u001b]0;pwned\u0007', '\u001b[2J', '\r\u001b[K', '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\', '\u009b31m', '\u0000', '\u007f'];
const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Text from a stranger: ordinary characters, terminal control sequences, JavaScript's special names. */
export const hostileText = fc
  .array(fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary-ascii', maxLength: 4 }), fc.constantFrom(...ATTACKS), fc.constantFrom(...NAMES)), { maxLength: 5 })
  .map((parts) => parts.join(''));

// ---- argument vectors ----

const FIXTURE_TREES = ['tests/fixtures/small.yaml', 'tests/fixtures/hostile/control-chars.yaml', 'tests/fixtures/constructor-key.yaml'];
const OPTIONS = ['--json', '--explain', '--no-input', '--no-color', '--help', '-h', '--version', '-V', '--list', '--', '-x', '--regoin'];
const VALUED = ['--tree', '--answer', '--format', '--region', '--app', '--content', '--visibility', '--platform', '--age', '--constructor', '--lang'];
const VALUES = [
  'eu', 'us', 'EU', 'usa', 'feed', 'chat', 'posts', 'messages', 'public', 'private', 'facebook', '', '-', 'adult',
  'region=eu', 'app=feed', '__proto__=x', 'constructor=public', 'prototype=1', '=', 'a=b=c', 'region=',
  'meta-ai-training', 'nope', 'nope.yaml', 'my.json', 'tests/fixtures/', 'tests/fixtures/hostile/cycle.yaml', ...FIXTURE_TREES,
  'table', 'csv', 'json', 'markdown', 'yaml',
  'de', 'DE_at', 'en', 'fr', 'tests/fixtures/objection.yaml',
];

const valued = fc.tuple(fc.constantFrom(...VALUED), fc.oneof(fc.constantFrom(...VALUES), hostileText));
const KEYS = ['region', 'app', 'content', 'visibility', 'constructor', ...NAMES, 'REGION', ''];
const answerPair = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), hostileText), fc.oneof(fc.constantFrom(...VALUES), hostileText)).map(([key, value]) => `${key}=${value}`);
/** Command lines, mostly near-misses of real ones: flags with values, joined with `=` or not, repeated, misplaced. */
export const argumentVector = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: valued.map(([flag, value]) => [flag, value]) },
      { weight: 2, arbitrary: answerPair.map((pair) => ['--answer', pair]) },
      { weight: 2, arbitrary: valued.map(([flag, value]) => [`${flag}=${value}`]) },
      { weight: 2, arbitrary: fc.constantFrom(...OPTIONS).map((option) => [option]) },
      { weight: 1, arbitrary: fc.constantFrom('validate', 'matrix', 'help').map((command) => [command]) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...VALUES), hostileText).map((word) => [word]) },
    ),
    { maxLength: 7 },
  )
  .map((parts) => parts.flat());

// ---- trees ----

const fixtureSource = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');
/** The fixtures' data, parsed once; mutations copy what they change. */
const BASES: unknown[] = FIXTURE_TREES.map((file) => parse(fixtureSource(file)));

type Data = unknown;
type Path = (string | number)[];

/** Every path to a value in parsed YAML data. */
function pathsOf(data: Data, path: Path = []): Path[] {
  if (data === null || typeof data !== 'object') return [path];
  const children = Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => pathsOf(value, [...path, Array.isArray(data) ? Number(key) : key]));
  return [path, ...children];
}

/** `data` with the value at `path` changed by `edit` (which returns undefined to delete it). */
function edited(data: Data, path: Path, edit: (value: unknown, key: string | number | undefined) => { key?: string; value?: unknown } | undefined): Data {
  if (path.length === 0) return edit(data, undefined)?.value;
  if (data === null || typeof data !== 'object') return data; // an earlier edit removed the path
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const copy = [...data];
    if (rest.length > 0) copy[head as number] = edited(copy[head as number], rest, edit);
    else {
      const change = edit(copy[head as number], head);
      if (change) copy[head as number] = change.value;
      else copy.splice(head as number, 1);
    }
    return copy;
  }
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key !== head) entries.push([key, value]);
    else if (rest.length > 0) entries.push([key, edited(value, rest, edit)]);
    else {
      const change = edit(value, key);
      if (change) entries.push([change.key ?? key, change.value]);
    }
  }
  return mapping(entries);
}

/** An object with these entries, set one by one so that "__proto__" stays a key, as it is in YAML. */
function mapping(entries: [string, unknown][]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom('eu', 'us', 'law', 'company', 'object', 'not-used', 'opt-out', 'maybe', '2026-99-99', '2024-02-29', 'https://example.org', 'region', 'visibility'),
  fc.integer(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.constantFrom('law', 'company', 'nope'), { maxLength: 3 }),
  fc.integer({ min: 1, max: 200 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
);

const entryName = fc.oneof(hostileText, fc.constantFrom(...NAMES), fc.constantFrom('eu', 'object', 'law', 'next', 'when'));
/** A change to parsed tree data: a value replaced, a key renamed or deleted, an entry added or duplicated. */
const dataMutation = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom('replace', 'rename', 'delete', 'add', 'copy'), anyValue, entryName),
  // An entry added to one of the tree's records, where a name can be special to JavaScript.
  fc.tuple(fc.constantFrom<Path>(['sources'], ['questions'], ['verdicts']), fc.constant('add'), anyValue, entryName),
);

/** Text edits that the data mutations cannot make: broken syntax, aliases, tags, documents, nesting. */
const SNIPPETS = ['---\n', '...\n', '&a ', '*a', '!!js/function ', '!foo ', '%YAML 1.1\n', '{', '}', '[', ']', ': ', '\t', '"\\e[2J"', '- ', '\n  extra: 1', '? ', '#', '|\n', '\u001b[2J', '\r', '\u0000', `${'['.repeat(100)}`, '__proto__: 1\n', 'id: again\n'];
const textMutation = fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...SNIPPETS), hostileText), fc.nat({ max: 20 }));

/** A tree file's text, made from a fixture by mutations of its data and of its text, as YAML or JSON. */
export const mutatedTree = fc
  .tuple(fc.nat({ max: BASES.length - 1 }), fc.array(dataMutation, { maxLength: 4 }), fc.array(textMutation, { maxLength: 2 }), fc.boolean())
  .map(([base, dataEdits, textEdits, asJson]) => {
    let data: Data = BASES[base];
    for (const [at, kind, value, name] of dataEdits) {
      const paths = pathsOf(data);
      const path = typeof at === 'number' ? paths[at % paths.length]! : at;
      data = edited(data, path, (old, key) => {
        if (kind === 'delete') return undefined;
        if (kind === 'rename' && typeof key === 'string') return { key: name, value: old };
        if (kind === 'copy') return { value: Array.isArray(old) ? [...old, ...old] : old };
        // A new entry, like the first one of this mapping, named `name`.
        if (kind === 'add' && old !== null && typeof old === 'object' && !Array.isArray(old)) {
          const entries = Object.entries(old);
          return { value: mapping([...entries, [name, entries[0]?.[1] ?? value]]) };
        }
        return { value };
      });
    }
    let text: string = (asJson ? JSON.stringify(data, null, 1) : stringify(data)) ?? '';
    for (const [at, snippet, cut] of textEdits) {
      const offset = at % (text.length + 1);
      text = text.slice(0, offset) + snippet + text.slice(offset + (cut % 3 === 0 ? cut : 0));
    }
    return text;
  });

// ---- large and deep trees (issue 20) ----

/**
 * Trees of the shapes whose work once grew faster than their size (tests/growth/shapes.ts, rows
 * F1–F8), at random sizes up to a little past the limits: what a size cap alone did not bound.
 */
export const largeTree = fc.oneof(
  fc.integer({ min: 1, max: 24 }).map((k) => ({ shape: `binary chain ${k}`, data: shapes.binaryChain(k), answers: {} })),
  fc.integer({ min: 2, max: 24 }).map((k) => ({ shape: `varying chain ${k}`, data: shapes.varyingChain(k), answers: asAnswers(shapes.varyingChainArgs(k)) })),
  fc.integer({ min: 1, max: 400 }).map((n) => ({ shape: `single chain ${n}`, data: shapes.singleChain(n), answers: {} })),
  fc.integer({ min: 1, max: 400 }).map((n) => ({ shape: `condition chain ${n}`, data: shapes.conditionChain(n), answers: {} })),
  fc.integer({ min: 1, max: 2_000 }).map((v) => ({ shape: `wide question ${v}`, data: shapes.wideQuestion(v), answers: { q0: `c${v - 1}` } })),
  fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 110 })).map(([s, w]) => ({ shape: `${s} steps, ${w}²`, data: shapes.manySteps(s, w), answers: { q0: 'all', q1: 'all' } })),
  fc.integer({ min: 1, max: 5_000 }).map((n) => ({ shape: `long id ${n}`, data: shapes.longId(n), answers: {} })),
  fc.integer({ min: 1, max: 2_000 }).map((q) => ({ shape: `${q} quotes`, data: shapes.manyQuotes(q), answers: {} })),
);

const asAnswers = (args: string[]): Record<string, string> =>
  Object.fromEntries(args.flatMap((arg, i) => (arg.startsWith('--') ? [[arg.slice(2), args[i + 1]!]] : [])));

/** Long command lines of --answer pairs (F8), up to a little past the limit on arguments. */
export const manyAnswerPairs = fc.integer({ min: 1, max: 1_100 }).map(shapes.answerPairs);
