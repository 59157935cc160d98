import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/explain.js';
import { buildMatrix } from '../../src/core/matrix.js';
import { enumeratePaths } from '../../src/core/paths.js';
import { walk } from '../../src/core/walk.js';
import { fixture } from '../helpers.js';

const tree = fixture('small.yaml');

describe('explain', () => {
  it('says what each answer ruled out, where it led, and which other answers change the outcome', () => {
    const answers = { region: 'eu', app: 'feed', content: 'posts', visibility: 'private' };
    const result = walk(tree, answers);
    if (result.kind !== 'verdict') throw new Error('expected a verdict');
    const { steps, alternatives } = explain(tree, answers, result.path, result.verdict);
    expect(steps.map(({ ask, ruledOut, possible }) => ({ ask, ruledOut, possible }))).toEqual([
      { ask: 'region', ruledOut: ['no-opt-out'], possible: ['opt-out', 'not-used'] },
      { ask: 'app', ruledOut: [], possible: ['opt-out', 'not-used'] },
      { ask: 'content', ruledOut: [], possible: ['opt-out', 'not-used'] },
      { ask: 'visibility', ruledOut: ['opt-out'], possible: ['not-used'] },
    ]);
    expect(steps.map((s) => s.led)).toEqual([
      { kind: 'question', id: 'app', text: 'Which app?' },
      { kind: 'question', id: 'content-feed', text: 'Which content?' },
      { kind: 'question', id: 'visibility', text: 'Who can see it?' },
      { kind: 'verdict', id: 'not-used', text: 'Not used' },
    ]);
    expect(alternatives).toEqual([
      { ask: 'region', answer: 'us', label: 'United States', outcomes: ['no-opt-out'] },
      { ask: 'visibility', answer: 'public', label: 'Everyone', outcomes: ['opt-out'] },
    ]);
  });

  it('gives every outcome an alternative could lead to when more questions follow', () => {
    const answers = { region: 'us' };
    const result = walk(tree, answers);
    if (result.kind !== 'verdict') throw new Error('expected a verdict');
    expect(explain(tree, answers, result.path, result.verdict).alternatives).toEqual([
      { ask: 'region', answer: 'eu', label: 'European Union', outcomes: ['opt-out', 'not-used'] },
    ]);
  });

  it('counts the conditional items an answer kept and left out', () => {
    const tailored = structuredClone(tree);
    tailored.verdicts['not-used']!.steps.push(
      { text: 'Feed only.', sources: ['company'], when: { app: 'feed' } },
      { text: 'Chat only.', sources: ['company'], when: { app: ['chat'] } },
    );
    tailored.verdicts['not-used']!.caveats = [{ text: 'Chat, private.', sources: ['company'], when: { app: 'chat', visibility: 'private' } }];
    const answers = { region: 'eu', app: 'chat' };
    const result = walk(tailored, answers);
    if (result.kind !== 'verdict') throw new Error('expected a verdict');
    const steps = explain(tailored, answers, result.path, result.verdict).steps;
    expect(steps.map(({ ask, kept, leftOut, auto }) => ({ ask, kept, leftOut, auto }))).toEqual([
      { ask: 'region', kept: 0, leftOut: 0, auto: undefined },
      { ask: 'app', kept: 2, leftOut: 1, auto: undefined },
      { ask: 'content', kept: 0, leftOut: 0, auto: true },
    ]);
  });
});

describe('paths and matrix', () => {
  it('enumerates every path from the start to a verdict', () => {
    const paths = enumeratePaths(tree).map((p) => `${p.steps.map((s) => s.answer).join('/')} → ${p.verdictId}`);
    expect(paths).toEqual([
      'eu/feed/posts/public → object',
      'eu/feed/posts/private → not-used',
      'eu/feed/messages → not-used',
      'eu/chat/messages → not-used',
      'us → no-opt-out',
    ]);
  });

  it('turns each path into a row with the cited sources', () => {
    const { keys, rows } = buildMatrix(tree);
    expect(keys).toEqual(['region', 'app', 'content', 'visibility']);
    expect(rows[0]).toEqual({ answers: { region: 'eu', app: 'feed', content: 'posts', visibility: 'public' }, outcome: 'opt-out', verdict: 'object', sources: ['law', 'company'] });
    expect(rows.at(-1)).toEqual({ answers: { region: 'us' }, outcome: 'no-opt-out', verdict: 'no-opt-out', sources: ['company', 'law'] });
  });
});
