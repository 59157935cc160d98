// The growth suite (issue 20): each hostile shape of the red-team run (F1–F8, shapes.ts) at n, 2n
// and 4n, small enough to run in seconds. The work, counted in units (core/limits.ts) in-process,
// and the built binary's peak memory must grow at most linearly in what the shape grows; past the
// limits, the binary stops with exit 2 or 3 and one line naming the limit. No clock is read.
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/commands/answer.js';
import { plan } from '../../src/commands/plan.js';
import { buildMatrix } from '../../src/core/matrix.js';
import type { Tree } from '../../src/core/schema.js';
import { mergedAnswers, questionFlags } from '../../src/invocation.js';
import type { Io } from '../../src/io.js';
import { parseTree } from '../../src/load/tree-file.js';
import { runProgram } from '../../src/program.js';
import { quickParse } from '../../src/quick-args.js';
import { renderMatrix } from '../../src/render/matrix.js';
import { measured, treeFile, workOf } from './measure.js';
import * as shapes from './shapes.js';
import { ENGLISH_WORDS } from '../../src/words.js';

type Data = Record<string, unknown>;

/** The tree a shape's data holds, through the loader's checks, as validate reads it; undefined when invalid. */
const load = (data: Data): Tree | undefined => parseTree(JSON.stringify(data), 't.json').tree;

const verdict = (tree: Tree, answers: Record<string, string>, io: Io, explain = false) =>
  answer({ tree, command: 'optout-check', answers, input: false, json: false, explain, colour: false, pager: false, plain: false, words: ENGLISH_WORDS }, io);

const planJson = (tree: Tree, answers: Record<string, string>, io: Io) =>
  plan({ tree, command: 'optout-check plan', answers, input: false, format: 'json', colour: false, pager: false, plain: false, explain: false, words: ENGLISH_WORDS }, io);

/** `--q0 all --q1 all` as answers. */
const asAnswers = (args: string[]) => Object.fromEntries(args.flatMap((arg, i) => (arg.startsWith('--') ? [[arg.slice(2), args[i + 1]!]] : [])));

const noHandlers = { answer: async () => {}, plan: async () => {}, run: async () => {} };

interface Shape {
  row: string;
  what: string;
  /** n, 2n and 4n, all within the limits. */
  sizes: [number, number, number];
  tree: (n: number) => Data;
  /** What the work should be linear in: n by default; for a shape whose paths multiply, what it walks. */
  scale?: (n: number) => number;
  /** The command's work, in-process, after the tree is loaded (`tree` is undefined for an invalid one). */
  work: (tree: Tree | undefined, n: number, io: Io) => unknown;
  /** The binary's arguments, for the file that holds the tree. */
  args: (file: string, n: number) => string[];
  /** The exit code within the limits. */
  code: number;
  /** Past a limit: the size, the exit code, and the one line that names the limit (on stderr, or stdout for validate). */
  over: { size: number; code: 2 | 3; line: RegExp };
}

const SHAPES: Shape[] = [
  {
    row: 'F1',
    what: 'k two-choice questions in a chain (2^k paths): matrix',
    sizes: [7, 8, 9],
    tree: shapes.binaryChain,
    scale: (k) => 2 ** k * (k + 3),
    work: (tree) => renderMatrix(tree!, buildMatrix(tree!), 'table'),
    args: (file) => ['matrix', '--tree', file, '--format', 'json'],
    code: 0,
    over: { size: 22, code: 3, line: /^error: more than 10,000 paths for matrix; the limit is 10,000$/m },
  },
  {
    row: 'F2',
    what: 'the same chain, every key varying, the last question left open: plan',
    sizes: [8, 9, 10],
    tree: shapes.varyingChain,
    scale: (k) => 2 ** k * k,
    work: (tree, k, io) => planJson(tree!, asAnswers(shapes.varyingChainArgs(k)), io),
    args: (file, k) => ['plan', '--tree', file, ...shapes.varyingChainArgs(k)],
    code: 2,
    over: { size: 28, code: 2, line: /^error: more than 10,000 combinations \(dead ends included\), more than a plan takes: choose fewer values for --q0, --q1, .*--q27$/m },
  },
  {
    row: 'F3',
    what: 'n one-choice questions in a chain: a verdict with --explain',
    sizes: [50, 100, 200],
    tree: shapes.singleChain,
    work: (tree, _, io) => verdict(tree!, {}, io, true),
    args: (file) => ['--tree', file, '--no-input', '--explain'],
    code: 0,
    over: { size: 20_000, code: 3, line: /:\d+:\d+: questions: 20,001 questions and verdicts in a tree; the limit is 20,000$/m },
  },
  {
    row: 'F3',
    what: 'the same chain, and a `when` naming every key: validate',
    sizes: [50, 100, 200],
    tree: shapes.conditionChain,
    work: () => undefined,
    args: (file) => ['validate', file],
    code: 0,
    over: { size: 8_000, code: 3, line: /:\d+:\d+: questions: 8,000 answer keys in a tree; the limit is 200$/m },
  },
  {
    row: 'F4',
    what: 'one question with v choices: a verdict, --help, a bad value, missing answers',
    sizes: [250, 500, 1000],
    tree: shapes.wideQuestion,
    work: async (tree, v, io) => {
      await verdict(tree!, { q0: `c${v - 1}` }, io);
      await runProgram(tree!, ['--help'], io, noHandlers, ENGLISH_WORDS);
      await verdict(tree!, { q0: 'nope' }, io).catch((error: Error) => io.stderr.write(error.message));
      await verdict(tree!, {}, io).catch((error: Error) => io.stderr.write(error.message));
    },
    args: (file) => ['--tree', file, '--help'],
    code: 0,
    over: { size: 5_000, code: 3, line: /:\d+:\d+: questions\.q0\.choices: 5,000 choices in a question; the limit is 1,000$/m },
  },
  {
    row: 'F5',
    what: '2,500 combinations on a verdict with s steps: plan',
    sizes: [50, 100, 200],
    tree: (s) => shapes.manySteps(s, 50),
    work: (tree, _, io) => planJson(tree!, { q0: 'all', q1: 'all' }, io),
    args: (file) => ['--tree', file, ...shapes.MANY_STEPS_ARGS],
    code: 0,
    over: { size: 4_000, code: 3, line: /:\d+:\d+: verdicts\.v\.steps: 4,000 items in a list of steps, caveats or disputes; the limit is 200$/m },
  },
  {
    row: 'F6',
    what: 'an id n characters long, and an unknown key in a `when`: validate',
    sizes: [1000, 2000, 4000],
    tree: shapes.longId,
    work: () => undefined,
    args: (file) => ['validate', file],
    code: 3,
    over: { size: 30_000, code: 3, line: /:\d+:\d+: questions\.qx{36}…: 30,000 characters in an id, answer key or value; the limit is 64$/m },
  },
  {
    row: 'F7',
    what: 'a source with q quotes: --explain',
    sizes: [250, 500, 1000],
    tree: shapes.manyQuotes,
    work: (tree, _, io) => verdict(tree!, {}, io, true),
    args: (file) => ['--tree', file, '--no-input', '--explain'],
    code: 0,
    over: { size: 5_000, code: 3, line: /:\d+:\d+: sources\.s\.quotes: 5,000 quotes of a source; the limit is 1,000$/m },
  },
  {
    row: 'F8',
    what: 'n distinct --answer pairs',
    sizes: [240, 480, 960],
    tree: () => shapes.singleChain(3),
    work: (tree, n, io) => {
      const args = shapes.answerPairs(n);
      const invocation = quickParse(args, new Set(questionFlags(tree!).map((k) => k.key)))!;
      return verdict(tree!, mergedAnswers(invocation, ENGLISH_WORDS), io);
    },
    args: (file, n) => ['--tree', file, ...shapes.answerPairs(n)],
    code: 2,
    over: { size: 60_000, code: 2, line: /^error: 120,002 arguments on the command line; the limit is 2,000$/m },
  },
];

describe.each(SHAPES)('$row: $what', ({ sizes, tree, scale = (n) => n, work, args, code, over }) => {
  it('grows at most linearly: the work in units, and the peak memory', async () => {
    const units: number[] = [];
    const peaks: number[] = [];
    for (const n of sizes) {
      const data = tree(n);
      units.push(await workOf((io) => work(load(data), n, io)));
      const run = measured(args(treeFile(data), n));
      expect(run.code, run.stderr).toBe(code);
      peaks.push(run.peakMb);
    }
    // Linear: the work per unit of size does not grow (a fixed part makes it shrink); squared, it would double and quadruple.
    const perUnit = units.map((u, i) => u / scale(sizes[i]!));
    expect(perUnit[1], `units ${units.join(', ')}`).toBeLessThanOrEqual(perUnit[0]! * 1.25);
    expect(perUnit[2], `units ${units.join(', ')}`).toBeLessThanOrEqual(perUnit[0]! * 1.25);
    // What 4n adds to the peak is at most three times what 2n adds, give or take 32 MB: the heap
    // grows in steps, when the collector decides (a quadratic growth here once took gigabytes).
    expect(peaks[2]! - peaks[0]!, `peaks ${peaks.map((p) => p.toFixed(0)).join(', ')} MB`).toBeLessThanOrEqual(3 * Math.max(0, peaks[1]! - peaks[0]!) + 32);
  });

  it(`past a limit, exits ${over.code} with one line naming it, in bounded memory`, () => {
    const run = measured(args(treeFile(tree(over.size)), over.size));
    expect(run.code).toBe(over.code);
    expect(`${run.stdout}${run.stderr}`).toMatch(over.line);
    expect(run.stderr).not.toContain('internal error');
    expect(run.peakMb).toBeLessThan(400);
  });
});
