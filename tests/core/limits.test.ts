// The limits on a tree and on what a command line asks for (core/limits.ts), where the growth
// suite does not reach them, and the checks that carry bits across a tree (check.ts) at sizes
// where they work in batches.
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/commands/plan.js';
import { checkTree } from '../../src/core/check.js';
import { explore } from '../../src/core/combinations.js';
import { LIMITS, OverLimit } from '../../src/core/limits.js';
import { enumeratePaths } from '../../src/core/paths.js';
import type { Tree } from '../../src/core/schema.js';
import { binaryChain, tree as treeOf, varyingChain, wideQuestion } from '../growth/shapes.js';
import { ENGLISH_WORDS } from '../../src/words.js';

const asTree = (data: unknown) => data as Tree;

describe('limits on a whole tree', () => {
  it('an answer key with more values than the limit, across its questions', () => {
    // q0's first choice leads to another question of the same key, with one value more.
    const data = wideQuestion(LIMITS.choices.max) as { questions: Record<string, { ask?: string; prompt: string; choices: { value: string; label: string; next: string }[] }> };
    data.questions.q1 = { ask: 'q0', prompt: 'Again?', choices: [{ value: 'one-more', label: 'One more', next: 'v' }] };
    data.questions.q0!.choices[0]!.next = 'q1';
    expect(checkTree(asTree(data))).toEqual([{ path: ['questions'], message: '"q0": 1,001 values of an answer key; the limit is 1,000' }]);
  });

  it('only the limit is reported: the other checks are not run on a tree over it', () => {
    const questions = Object.fromEntries(Array.from({ length: LIMITS.answerKeys.max + 1 }, (_, i) => [`q${i}`, { prompt: 'Q?', choices: [{ value: 'a', label: 'A', next: 'nowhere' }] }]));
    expect(checkTree(asTree(treeOf(questions)))).toEqual([{ path: ['questions'], message: '201 answer keys in a tree; the limit is 200' }]);
  });
});

describe('limits on a command', () => {
  it('matrix stops past LIMITS.paths, however many paths there are', () => {
    const tree = asTree(binaryChain(40)); // 2^40 paths
    expect(() => enumeratePaths(tree)).toThrow(new OverLimit('paths', 3));
    expect(enumeratePaths(asTree(binaryChain(13)))).toHaveLength(2 ** 13);
  });

  it('plan counts the paths that end at an open question against LIMITS.combinations', () => {
    const tree = asTree(varyingChain(20)); // 2^19 paths, each ending at the open last question
    const selection = new Map(Array.from({ length: 19 }, (_, i) => [`q${i}`, 'all' as const]));
    const { tooMany, combinations } = explore(tree, {}, selection);
    expect(tooMany).toBe(true);
    expect(combinations).toEqual([]);
  });

  it('plan takes at most LIMITS.answers values, each of a list counting', () => {
    const tree = asTree(wideQuestion(10));
    const many = Array.from({ length: LIMITS.answers.max + 1 }, (_, i) => `c${i % 10}`).join(',');
    expect(() => readAnswers({ ...tree, varying: ['q0'] }, { q0: many }, ENGLISH_WORDS)).toThrow(new OverLimit('answers', 2));
  });
});

describe('the `when` check, past 1,024 verdicts with conditions (it works 1,024 at a time)', () => {
  it('finds the one condition that no path to its verdict answers, whichever batch it is in', () => {
    // q0 picks a group; each group's question leads to 1,000 verdicts, each shown for its group only.
    const groups = ['g0', 'g1', 'g2'];
    const verdictsPer = 1_000;
    const wrong = 1_700; // in group g1, but its condition names g2
    const questions = Object.fromEntries([
      ['q0', { prompt: 'Which group?', choices: groups.map((g) => ({ value: g, label: g, next: `in-${g}` })) }],
      ...groups.map((g, n) => [`in-${g}`, { prompt: 'Which?', choices: Array.from({ length: verdictsPer }, (_, i) => ({ value: `c${i}`, label: `C${i}`, next: `v${n * verdictsPer + i}` })) }]),
    ]);
    const verdicts = Object.fromEntries(
      Array.from({ length: groups.length * verdictsPer }, (_, i) => {
        const group = groups[Math.floor(i / verdictsPer) + (i === wrong ? 1 : 0)]!;
        return [`v${i}`, { outcome: 'opt-out', title: 'V', summary: 'S', sources: ['s'], steps: [{ text: 'Do.', sources: ['s'], when: { q0: group } }] }];
      }),
    );
    expect(checkTree(asTree(treeOf(questions, verdicts)))).toEqual([
      { path: ['verdicts', `v${wrong}`, 'steps', 0, 'when', 'q0'], message: `when: no path to verdict "v${wrong}" answers q0 g2, so this is never shown` },
    ]);
  });
});
