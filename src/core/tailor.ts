// Steps, caveats and disputes that depend on the answers (`when`): the verdict as one person sees it.
import type { Answers } from './graph.js';
import type { Verdict, When } from './schema.js';

/** True when every key of the condition was answered with one of its values. */
export function applies(when: When | undefined, answers: Answers): boolean {
  if (!when) return true;
  return Object.entries(when).every(([key, allowed]) => {
    if (!Object.hasOwn(answers, key)) return false;
    return typeof allowed === 'string' ? answers[key] === allowed : allowed.includes(answers[key]!);
  });
}

/** The verdict without the items whose condition these answers do not meet. */
export function tailor(verdict: Verdict, answers: Answers): Verdict {
  const keep = <T extends { when?: When }>(items: T[] | undefined) => items?.filter((item) => applies(item.when, answers));
  return { ...verdict, steps: keep(verdict.steps)!, caveats: keep(verdict.caveats), disputed: keep(verdict.disputed) };
}
