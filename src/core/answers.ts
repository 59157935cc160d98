// The answer keys a tree asks (its flags), their values, and the checks on given answers.
import { answerRecord, askOf, type Answers } from './graph.js';
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
  const keys = new Map<string, AnswerKey>();
  for (const id of questionIds) {
    const question = tree.questions[id]!;
    const key = askOf(id, question);
    const entry = keys.get(key) ?? { key, prompt: question.prompt, values: [] };
    for (const { value } of question.choices) if (!entry.values.includes(value)) entry.values.push(value);
    keys.set(key, entry);
  }
  return [...keys.values()];
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
 * The given answers with each value in its tree spelling (values match case-insensitively), and
 * the answers that name a key the tree never asks or a value no question of that key offers.
 */
export function checkAnswers(tree: Tree, given: Answers): { answers: Record<string, string>; problems: AnswerProblem[] } {
  const keys = new Map(answerKeys(tree).map((k) => [k.key, k]));
  const answers = answerRecord();
  const problems: AnswerProblem[] = [];
  for (const [key, value] of Object.entries(given)) {
    const known = keys.get(key);
    const canonical = known && canonicalValue(known.values, value);
    if (!known) {
      problems.push({ kind: 'unknown-key', key, value, suggestion: suggest(key, [...keys.keys()]) });
    } else if (canonical === undefined) {
      problems.push({ kind: 'bad-value', key, value, values: known.values, suggestion: suggest(value, known.values) });
    } else {
      answers[key] = canonical;
    }
  }
  return { answers, problems };
}
