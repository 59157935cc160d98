// The graph checks on what can be read of a tree the schema refused: real problems are found
// beside the schema's, and nothing is reported only because a part was refused.
import { describe, expect, it } from 'vitest';
import { checkPartialTree } from '../../src/core/partial-check.js';

const source = { title: 'T', publisher: 'P', published: '2025', kind: 'primary', quotes: [{ text: 'Q' }] };
const verdict = (sources: unknown[]) => ({ outcome: 'opt-out', title: 'T', summary: 'S', sources, steps: [{ text: 'Do', sources }] });
const tree = (parts: Record<string, unknown>) => ({ id: 't', title: 'T', question: 'Q?', reviewed: '2026-01-01', start: 'q1', ...parts });
const messages = (data: unknown) => checkPartialTree(data).map((p) => `${p.path.join('.')}: ${p.message}`);

describe('checkPartialTree', () => {
  it('finds a dangling next beside a question the schema refused, and keeps that question\'s edges', () => {
    const data = tree({
      sources: { s1: source },
      questions: {
        q1: { prompt: 'Pick', colour: 'red', choices: [{ value: 'a', label: 'A', next: 'q2' }] },
        q2: { prompt: 'Then', choices: [{ value: 'b', label: 'B', next: 'v1' }, { value: 'c', label: 'C', next: 'nowhere' }] },
      },
      verdicts: { v1: verdict(['s1']) },
    });
    expect(messages(data)).toEqual(['questions.q2.choices.1.next: next "nowhere" is not a question or verdict']);
  });

  it('keeps the citations of a refused verdict, so its sources are not "never cited"', () => {
    const data = tree({
      sources: { s1: source, s2: source },
      questions: { q1: { prompt: 'Pick', choices: [{ value: 'a', label: 'A', next: 'v1' }] } },
      verdicts: { v1: { ...verdict(['s1', 's2']), outcome: 'maybe' } },
    });
    expect(messages(data)).toEqual([]);
  });

  it('reports what is true of the file as written, and nothing about values it cannot read', () => {
    const data = tree({
      sources: { s1: source, s2: { kind: 'blog' } },
      questions: {
        q1: { prompt: 'Pick', choices: [{ value: 'a', label: 'A', next: 7 }, { value: 'b', label: 'B', next: 'v1' }, 'junk'] },
        orphan: { prompt: 'Nobody asks', choices: [{ value: 'a', label: 'A', next: 'v1' }] },
      },
      verdicts: { v1: { ...verdict(['s1', 42]) } },
    });
    expect(messages(data)).toEqual([
      'questions.orphan: question "orphan" is unreachable from start',
      'sources.s2: source "s2" is never cited',
    ]);
  });

  it('treats an id such as __proto__ as data', () => {
    const data = JSON.parse('{"start":"q1","sources":{},"questions":{"q1":{"choices":[{"value":"a","next":"__proto__"}]}},"verdicts":{"__proto__":{"sources":[]}}}');
    expect(messages(data)).toEqual([]);
  });

  it.each([[null], [[]], [{ start: 'q1' }], [tree({ sources: {}, questions: [], verdicts: {} })], [{ ...tree({ sources: {}, questions: {}, verdicts: {} }), start: 3 }]])(
    'checks nothing when not even the outline can be read: %j',
    (data) => {
      expect(checkPartialTree(data)).toEqual([]);
    },
  );
});
