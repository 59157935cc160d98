// Fuzzing in-process (fast): generated command lines through both parsers and the answer command,
// and mutated trees through the loader, the walker and every renderer. See fuzz.ts for run counts
// and replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answer } from '../../src/commands/answer.js';
import { answerRecord } from '../../src/core/graph.js';
import { buildMatrix } from '../../src/core/matrix.js';
import { answersOf, enumeratePaths } from '../../src/core/paths.js';
import { buildReport } from '../../src/core/report.js';
import type { Tree } from '../../src/core/schema.js';
import { walk } from '../../src/core/walk.js';
import { formatLocated, isCliError } from '../../src/errors.js';
import { mergedAnswers, questionFlags, type Invocation } from '../../src/invocation.js';
import type { Io } from '../../src/io.js';
import { parseTree } from '../../src/load/tree-file.js';
import { MATRIX_FORMATS, renderMatrix } from '../../src/render/matrix.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { runProgram } from '../../src/program.js';
import { quickParse } from '../../src/quick-args.js';
import { fixture } from '../helpers.js';
import { plan } from '../../src/commands/plan.js';
import { workOf } from '../growth/measure.js';
import { argumentVector, hostileText, largeTree, manyAnswerPairs, mutatedTree, RAW_CONTROL, RUNS, settings, timeLimit } from './fuzz.js';
import { ENGLISH_WORDS } from '../../src/words.js';

const TREES = ['small.yaml', 'hostile/control-chars.yaml', 'constructor-key.yaml'].map(fixture);
/** These read the built-in trees from dist/, which only the built binary finds: the binary sample covers them. */
const NEEDS_BUILD = new Set(['validate', 'matrix', '--list']);

/** Streams that keep what is written; stdin is not a terminal, so nothing is ever asked. */
function captureIo(): Io & { written: () => string } {
  let text = '';
  const sink = { write: (s: string) => ((text += s), true), isTTY: false } as unknown as Io['stdout'];
  return { stdin: { isTTY: false } as Io['stdin'], stdout: sink, stderr: sink, env: {}, onInterrupt: () => () => {}, onSignal: () => () => {}, suspend: () => {}, today: new Date('2026-11-25'), written: () => text };
}

/** The commander program and the answer command, as cli.ts wires them, minus the process: the exit code. */
async function exitCodeOf(tree: Tree, args: string[], io: Io): Promise<number> {
  let code = 0;
  const answerWith = (invocation: Invocation) =>
    answer({ tree, command: 'optout-check', answers: mergedAnswers(invocation, ENGLISH_WORDS), input: invocation.input, json: invocation.json, explain: invocation.explain, colour: false, pager: false, plain: false, words: ENGLISH_WORDS }, io);
  try {
    await runProgram(tree, args, io, { answer: answerWith, plan: async () => {}, run: async (command) => void (code = await command(io)) }, ENGLISH_WORDS);
  } catch (error) {
    if (!isCliError(error)) throw error; // an internal error: the property fails, with its stack
    code = error.exitCode;
  }
  return code;
}

/** The file's data without the loader, for comparison: as JSON where it is JSON (the loader's fast path), else YAML. */
function parsedRaw(source: string): Record<string, object> {
  try {
    return JSON.parse(source) as Record<string, object>;
  } catch {
    return parse(source) as Record<string, object>;
  }
}

describe('fuzz: command lines, in-process', () => {
  it(`${RUNS.args} command lines: exit 0, 2 or 3, never an internal error; the quick parser agrees with commander`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: TREES.length - 1 }), argumentVector.map((args) => args.filter((arg) => !NEEDS_BUILD.has(arg))), async (which, args) => {
        const tree = TREES[which]!;
        const io = captureIo();
        expect([0, 2, 3]).toContain(await exitCodeOf(tree, args, io));
        // What commander writes (help, errors) is made safe where it is written.
        expect(io.written()).not.toMatch(RAW_CONTROL);

        const quick = quickParse(args, new Set(questionFlags(tree).map((k) => k.key)));
        if (quick) {
          let slow: Invocation | undefined;
          await runProgram(tree, args, captureIo(), { answer: async (i) => void (slow = i), plan: async () => {}, run: async () => {} }, ENGLISH_WORDS);
          expect(slow).toBeDefined();
          expect(quick).toEqual({ ...slow, tree: quick.tree === undefined ? undefined : slow!.tree });
        }
      }),
      settings(RUNS.args),
    );
  }, timeLimit(RUNS.args, 100));
});

describe('fuzz: mutated trees, in-process', () => {
  it(`${RUNS.trees} mutated trees: problems are positioned single lines; a valid tree walks, renders and escapes`, () => {
    fc.assert(
      fc.property(mutatedTree, fc.array(fc.tuple(hostileText, hostileText), { maxLength: 4 }), (source, randomAnswers) => {
        const { tree, problems } = parseTree(source, 't.yaml');
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.col).toBeGreaterThanOrEqual(1);
          expect(formatLocated(problem)).not.toMatch(/[\n\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        }
        if (!tree) {
          expect(problems.some((p) => !p.warning)).toBe(true);
          return;
        }
        expect(problems.every((p) => p.warning)).toBe(true);
        // Nothing in the file is dropped silently (the schema library skips some keys in records).
        const raw = parsedRaw(source);
        for (const record of ['sources', 'questions', 'verdicts'] as const) expect(Object.keys(tree[record])).toEqual(Object.keys(raw[record]!));
        // Validate and walk agree: every path of a valid tree walks to its verdict, and renders safely.
        for (const { steps, verdictId } of enumeratePaths(tree).slice(0, 50)) {
          const answers = answersOf(steps);
          const walked = walk(tree, answers);
          expect(walked).toMatchObject({ kind: 'verdict', verdictId });
          if (walked.kind !== 'verdict') continue;
          const report = buildReport(tree, answers, walked, true);
          expect(renderText(report, 'optout-check', false, ENGLISH_WORDS)).not.toMatch(RAW_CONTROL);
          // In colour, the only escape sequences are the renderer's own (SGR).
          expect(renderText(report, 'optout-check', true, ENGLISH_WORDS).replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
          const json = renderJson(report);
          expect(json).not.toMatch(RAW_CONTROL);
          expect(JSON.parse(json).verdict.title).toBe(walked.verdict.title);
        }
        for (const format of MATRIX_FORMATS) expect(renderMatrix(tree, buildMatrix(tree), format)).not.toMatch(RAW_CONTROL);
        // Any answers at all, however named: the walk ends somewhere, without throwing.
        expect(['verdict', 'question', 'not-applicable']).toContain(walk(tree, answerRecord(Object.fromEntries(randomAnswers))).kind);
      }),
      settings(RUNS.trees),
    );
  }, timeLimit(RUNS.trees, 200));
});

describe('fuzz: large and deep trees, in-process', () => {
  /** Far more than any of these trees needs within the limits, far less than what they once took. */
  const BOUND = 50_000_000;

  it(`${RUNS.largeTrees} trees of the shapes that once took exponential or quadratic work: bounded work, expected errors only`, async () => {
    await fc.assert(
      fc.asyncProperty(largeTree, async ({ data, answers }) => {
        const source = JSON.stringify(data);
        const tree = parseTree(source, 't.json').tree;
        let units = await workOf(() => parseTree(source, 't.json'));
        if (tree) {
          const flags = { tree, command: 'optout-check', input: false, colour: false, pager: false, plain: false, words: ENGLISH_WORDS };
          units += await workOf(() => renderMatrix(tree, buildMatrix(tree), 'markdown'));
          units += await workOf((io) => answer({ ...flags, answers, json: true, explain: true }, io));
          units += await workOf((io) => answer({ ...flags, answers, json: false, explain: true }, io));
          units += await workOf((io) => plan({ ...flags, answers, format: 'json', explain: false }, io));
          units += await workOf((io) => runProgram(tree, ['--help'], io, { answer: async () => {}, plan: async () => {}, run: async () => {} }, ENGLISH_WORDS));
        }
        expect(units).toBeLessThan(BOUND);
      }),
      settings(RUNS.largeTrees),
    );
  }, timeLimit(RUNS.largeTrees, 3_000));

  it('long command lines of --answer pairs: bounded work, a usage error', async () => {
    const tree = TREES[0]!;
    await fc.assert(
      fc.asyncProperty(manyAnswerPairs, async (args) => {
        const io = captureIo();
        const units = await workOf(() => exitCodeOf(tree, args, io).then((code) => expect(code).toBe(2)));
        expect(units).toBeLessThan(BOUND);
      }),
      settings(RUNS.largeTrees),
    );
  }, timeLimit(RUNS.largeTrees, 3_000));
});
