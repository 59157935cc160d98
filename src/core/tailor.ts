// Steps, caveats and disputes that depend on the answers (`when`): the verdict as one person sees it.
import type { Answers } from './graph.js';
import { spend } from './limits.js';
import type { Verdict, When } from './schema.js';

/** A condition as lookups: each key with the set of its allowed values, made once per condition. */
const compiled = new WeakMap<When, [string, ReadonlySet<string>][]>();
function lookups(when: When): [string, ReadonlySet<string>][] {
  let entries = compiled.get(when);
  if (!entries) {
    entries = Object.entries(when).map(([key, allowed]) => [key, new Set(typeof allowed === 'string' ? [allowed] : allowed)]);
    spend(entries.length);
    compiled.set(when, entries);
  }
  return entries;
}

/** True when every key of the condition was answered with one of its values. */
export function applies(when: When | undefined, answers: Answers): boolean {
  if (!when) return true;
  const entries = lookups(when);
  spend(entries.length);
  return entries.every(([key, allowed]) => Object.hasOwn(answers, key) && allowed.has(answers[key]!));
}

/** The verdict without the items whose condition these answers do not meet. */
export function tailor(verdict: Verdict, answers: Answers): Verdict {
  const keep = <T extends { when?: When }>(items: T[] | undefined) => items?.filter((item) => applies(item.when, answers));
  return { ...verdict, steps: keep(verdict.steps)!, caveats: keep(verdict.caveats), disputed: keep(verdict.disputed) };
}
