// Fuzzing the built binary: a sample of the generated command lines and mutated trees, run as a
// user would. Slower than in-process, so fewer runs (see fuzz.ts); it covers what only the real
// process has: cli.ts, the lazily loaded bundles, the built-in trees, and the exit code itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run, type Run } from '../helpers.js';
import { argumentVector, largeTree, mutatedTree, RAW_CONTROL, RUNS, settings, timeLimit } from './fuzz.js';

const STACK_FRAME = /^\s+at .+/m;

/** Run without DEBUG and without a terminal: expected failures only, each said in words. */
function runPlain(args: string[]): Run {
  const result = run(args, { env: { DEBUG: '', NO_COLOR: '1' }, timeout: 20_000 });
  expect(result.code, `timed out or crashed: ${JSON.stringify(args)}\n${result.stderr}`).not.toBeNull();
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain('optout-check: internal error');
  expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
  return result;
}

describe('fuzz: the built binary', () => {
  it(`${RUNS.binaryArgs} command lines: exit 0, 2 or 3, no stack trace, no raw control characters`, () => {
    fc.assert(
      // A process argument cannot hold a NUL byte.
      fc.property(argumentVector.filter((args) => !args.some((arg) => arg.includes('\u0000'))), (args) => {
        expect([0, 2, 3]).toContain(runPlain(args).code);
      }),
      settings(RUNS.binaryArgs),
    );
  }, timeLimit(RUNS.binaryArgs, 5_000));

  it(`${RUNS.binaryTrees} mutated trees: validate and walk agree, and both say what is wrong in words`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-fuzz-'));
    let n = 0;
    fc.assert(
      fc.property(mutatedTree, fc.boolean(), (source, asJson) => {
        const file = join(dir, `tree-${n++}.${asJson ? 'json' : 'yaml'}`);
        writeFileSync(file, source);
        const validated = runPlain(['validate', file]);
        const walked = runPlain(['--tree', file, '--no-input', '--explain']);
        expect([0, 3]).toContain(validated.code);
        // Valid: a verdict or a missing answer (2). Invalid: exit 3, both ways.
        if (validated.code === 0) expect([0, 2]).toContain(walked.code);
        else expect(walked.code).toBe(3);
      }),
      settings(RUNS.binaryTrees),
    );
  }, timeLimit(RUNS.binaryTrees, 10_000));

  it(`${RUNS.binaryLarge} large and deep trees: every command ends with 0, 2 or 3, in words, within the time a run is given`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-fuzz-'));
    let n = 0;
    fc.assert(
      fc.property(largeTree, ({ data, answers }) => {
        const file = join(dir, `large-${n++}.json`);
        writeFileSync(file, JSON.stringify(data));
        const flags = Object.entries(answers).flatMap(([key, value]) => [`--${key}`, value]);
        for (const args of [['validate', file], ['matrix', '--tree', file], ['--tree', file, '--no-input', '--explain', ...flags], ['plan', '--tree', file, '--no-input', ...flags]]) {
          expect([0, 2, 3]).toContain(runPlain(args).code);
        }
      }),
      settings(RUNS.binaryLarge),
    );
  }, timeLimit(RUNS.binaryLarge, 20_000));
});
