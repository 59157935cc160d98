// Did-you-mean with bounded work (issue 20, F6): the same suggestions as the full distance table
// gave, from a band of it; nothing for input longer than any id; nothing once a check's budget is spent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget, LIMITS, workDone } from '../../src/core/limits.js';
import { suggest } from '../../src/core/suggest.js';

/** The suggestion as it was made before: the whole optimal-string-alignment table. */
function reference(input: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
        d[i]![j] = best;
      }
    }
    return d[a.length]![b.length]!;
  };
  const typed = input.toLowerCase();
  const prefixed = candidates.filter((c) => typed.length >= 2 && c.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(typed.length / 3));
  for (const candidate of candidates) {
    const d = distance(typed, candidate);
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

const word = fc.string({ unit: fc.constantFrom(...'abcdeu-'), maxLength: 14 });

describe('did-you-mean', () => {
  it('suggests what the whole distance table suggested, for any input and candidates', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 12 }), (input, candidates) => {
        expect(suggest(input, candidates)).toBe(reference(input, candidates));
      }),
      { numRuns: 2000 },
    );
  });

  it('suggests nothing for input longer than any id, without comparing it (an id of 30,000 characters)', () => {
    const long = 'k'.repeat(30_000);
    const before = workDone();
    expect(suggest(long, [`${long}x`, 'region'])).toBeUndefined();
    expect(workDone() - before).toBe(0);
  });

  it('fills no more than a band of each table: a fraction of the whole ones', () => {
    const work = (length: number) => {
      const before = workDone();
      suggest('a'.repeat(length), Array.from({ length: 100 }, (_, i) => `${'b'.repeat(length - 1)}${i}`));
      return workDone() - before;
    };
    const length = LIMITS.idLength.max;
    expect(work(length)).toBeLessThan((100 * length * length) / 4);
  });

  it('stops suggesting once the budget of a check is spent', () => {
    const budget = new Budget('suggestions');
    const candidates = Array.from({ length: 5_000 }, (_, i) => `candidate-${i}`.padEnd(60, 'x'));
    let given = 0;
    for (let i = 0; i < 1_000; i++) if (suggest(`candidate-${i}`.padEnd(60, 'y'), candidates, budget) !== undefined) given++;
    expect(budget.exhausted).toBe(true);
    expect(given).toBeLessThan(1_000);
    expect(suggest('candidate-1', ['candidate-1x'], budget)).toBeUndefined();
  });
});
