// Did-you-mean for answer values, answer keys and tree ids. Its work is bounded: input longer than
// any id is not a typo, only a band of the distance table is filled, and callers that suggest in
// a loop share one budget, past which there are no more suggestions.
import { Budget, LIMITS } from './limits.js';

/**
 * The optimal-string-alignment distance (edits, a swap of two neighbours counting as one) when it
 * is at most `max`, else undefined. Only cells within `max` of the diagonal can hold such a
 * distance, so only those are computed, three rows at a time.
 */
function distanceWithin(a: string, b: string, max: number, budget: Budget): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  const far = max + 1;
  let older = new Array<number>(b.length + 2).fill(far);
  let previous = new Array<number>(b.length + 2).fill(far);
  let row = new Array<number>(b.length + 2).fill(far);
  for (let j = 0; j <= Math.min(b.length, max); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    if (!budget.spend(hi - lo + 1)) return undefined;
    row[lo - 1] = lo === 1 && i <= max ? i : far;
    let best = row[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, older[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    row[hi + 1] = far;
    if (best > max) return undefined;
    [older, previous, row] = [previous, row, older];
  }
  const d = previous[b.length]!;
  return d <= max ? d : undefined;
}

/**
 * The closest candidate, if it is close enough to be a plausible typo (or a prefix, like "insta").
 * `budget` is shared by the calls of one check, so that a file with a million unknown names costs
 * no more than a few; once it is spent, nothing more is suggested.
 */
export function suggest(input: string, candidates: readonly string[], budget = new Budget('suggestions')): string | undefined {
  if (input.length > LIMITS.idLength.max || !budget.spend(candidates.length)) return undefined;
  const typed = input.toLowerCase();
  const prefixed = candidates.filter((c) => typed.length >= 2 && c.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(typed.length / 3));
  for (const candidate of candidates) {
    // Only a closer candidate replaces the first one found.
    const d = distanceWithin(typed, candidate, best === undefined ? bestDistance : bestDistance - 1, budget);
    if (budget.exhausted) return undefined;
    if (d !== undefined) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
