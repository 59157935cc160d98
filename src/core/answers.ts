// The answer keys a tree asks (its flags), their values, and the checks on given answers.
import { answerRecord, askOf, type Answers } from './graph.js';
import { Budget, spend } from './limits.js';
import type { Tree } from './schema.js';
import { suggest } from './suggest.js';

export interface AnswerKey {
  key: string;
  /** The prompt of the first question that asks this key, for help texts. */
  prompt: string;
  /** Every value of this key anywhere in the tree, in first-seen order. */
  values: string[];
}

/**
 * The keys asked by the given questions (by default all), in the order first asked (questions are
 * listed in file order), each with every value those questions offer.
 */
export function answerKeys(tree: Tree, questionIds: string[] = Object.keys(tree.questions)): AnswerKey[] {
  const keys = new Map<string, AnswerKey & { seen: Set<string> }>();
  for (const id of questionIds) {
    const question = tree.questions[id]!;
    const key = askOf(id, question);
    const entry = keys.get(key) ?? { key, prompt: question.prompt, values: [], seen: new Set() };
    spend(1 + question.choices.length);
    for (const { value } of question.choices) {
      if (entry.seen.has(value)) continue;
      entry.seen.add(value);
      entry.values.push(value);
    }
    keys.set(key, entry);
  }
  return [...keys.values()].map(({ seen: _, ...entry }) => entry);
}

export type AnswerProblem =
  | { kind: 'unknown-key'; key: string; value: string; suggestion?: string }
  | { kind: 'bad-value'; key: string; value: string; values: string[]; suggestion?: string };

/** Answer values match case-insensitively: `--region EU` is eu. */
export const sameValue = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The value of `values` that `value` spells in any case, e.g. EU → eu. */
export const canonicalValue = (values: readonly string[], value: string): string | undefined =>
  values.find((v) => sameValue(v, value));

/**
 * Checks answers one at a time against the tree's answer keys, worked out once: each answer's value
 * in its tree spelling (values match case-insensitively), or why it is not an answer (a key the
 * tree never asks, or a value no question of that key offers). Did-you-mean has one budget.
 */
export function answerChecker(tree: Tree): (key: string, value: string) => { value: string } | AnswerProblem {
  const keys = new Map(answerKeys(tree).map((k) => [k.key, k]));
  const names = [...keys.keys()];
  const hints = new Budget('suggestions');
  /** Each key's values by their lower case, made when first needed. */
  const spellings = new Map<string, Map<string, string>>();
  const spellingsOf = (known: AnswerKey) => {
    let byCase = spellings.get(known.key);
    if (!byCase) {
      spend(known.values.length);
      byCase = new Map([...known.values].reverse().map((v) => [v.toLowerCase(), v]));
      spellings.set(known.key, byCase);
    }
    return byCase;
  };
  return (key, value) => {
    spend(1);
    const known = keys.get(key);
    if (!known) return { kind: 'unknown-key', key, value, suggestion: suggest(key, names, hints) };
    const canonical = spellingsOf(known).get(value.toLowerCase());
    if (canonical === undefined) return { kind: 'bad-value', key, value, values: known.values, suggestion: suggest(value, known.values, hints) };
    return { value: canonical };
  };
}

/** The given answers in their tree spelling, and the problems of those that are not answers (see answerChecker). */
export function checkAnswers(tree: Tree, given: Answers): { answers: Record<string, string>; problems: AnswerProblem[] } {
  const check = answerChecker(tree);
  const answers = answerRecord();
  const problems: AnswerProblem[] = [];
  for (const [key, value] of Object.entries(given)) {
    const checked = check(key, value);
    if ('kind' in checked) problems.push(checked);
    else answers[key] = checked.value;
  }
  return { answers, problems };
}
