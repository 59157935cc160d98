// What changed between an answer (or a plan) a person saved and the same answers today: verdicts
// whose outcome, headline or coverage changed, verdicts added or gone, steps added, removed or
// reworded, and the review dates. Both sides are read the same way (load/saved-file.ts), so only
// real differences show.

/** A verdict as a person saw it: for a plan, one per group of combinations (`covers`); for one answer, `covers` is ''. */
export interface SeenVerdict {
  covers: string;
  outcome: string;
  title: string;
}

export interface SeenStep {
  text: string;
  url?: string;
}

export interface Snapshot {
  reviewed: string;
  verdicts: SeenVerdict[];
  steps: SeenStep[];
}

export interface Changes {
  /** False when the verdicts and steps are the same, even if the tree was reviewed again. */
  changed: boolean;
  reviewed: { then: string; now: string };
  verdicts: { changed: { then: SeenVerdict; now: SeenVerdict }[]; added: SeenVerdict[]; removed: SeenVerdict[] };
  steps: { added: SeenStep[]; removed: SeenStep[]; reworded: { then: SeenStep; now: SeenStep }[] };
}

/** How alike two steps' words must be for one to count as the other reworded. */
const REWORDED = 0.6;

export function compareSnapshots(then: Snapshot, now: Snapshot): Changes {
  const verdicts = pairUp(
    then.verdicts,
    now.verdicts,
    (v) => `${v.covers}\n${v.outcome}\n${v.title}`,
    // The same combinations with another verdict, or the same verdict for other combinations.
    [(a, b) => a.covers === b.covers, (a, b) => a.outcome === b.outcome && a.title === b.title],
  );
  const steps = pairUp(then.steps, now.steps, (s) => `${s.text}\n${s.url ?? ''}`, [(a, b) => wordSimilarity(a.text, b.text) >= REWORDED]);
  const changes = {
    verdicts: { changed: verdicts.paired, added: verdicts.added, removed: verdicts.removed },
    steps: { added: steps.added, removed: steps.removed, reworded: steps.paired },
  };
  const changed = [changes.verdicts.changed, changes.verdicts.added, changes.verdicts.removed, steps.added, steps.removed, steps.paired].some((list) => list.length > 0);
  return { changed, reviewed: { then: then.reviewed, now: now.reviewed }, ...changes };
}

/**
 * Items kept (the same key on both sides, counted as a multiset) drop out; of the rest, each old
 * item is paired with the first new one that a rule accepts, rule by rule; what is left was
 * removed or added.
 */
function pairUp<T extends object>(then: T[], now: T[], key: (item: T) => string, rules: ((a: T, b: T) => boolean)[]) {
  const unmatched = new Map<string, T[]>();
  for (const item of now) {
    const same = unmatched.get(key(item));
    if (same) same.push(item);
    else unmatched.set(key(item), [item]);
  }
  let removed = then.filter((item) => !unmatched.get(key(item))?.shift());
  const left = new Set([...unmatched.values()].flat());
  let added = now.filter((item) => left.has(item));
  const paired: { then: T; now: T }[] = [];
  for (const rule of rules) {
    removed = removed.filter((old) => {
      const match = added.find((fresh) => rule(old, fresh));
      if (match === undefined) return true;
      paired.push({ then: old, now: match });
      added = added.filter((fresh) => fresh !== match);
      return false;
    });
  }
  return { paired, added, removed };
}

/** The share of words two texts have in common (Dice's coefficient over their words), from 0 to 1. */
export function wordSimilarity(a: string, b: string): number {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const left = words(a);
  const right = words(b);
  if (left.length + right.length === 0) return 1;
  const pool = new Map<string, number>();
  for (const word of left) pool.set(word, (pool.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of right) {
    const count = pool.get(word) ?? 0;
    if (count > 0) {
      common++;
      pool.set(word, count - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}
