// What is still to be answered from a point in the walk: for the "missing answers" message, and
// the answers shell completion offers.
import { answerKeys, type AnswerKey } from './answers.js';
import { askOf, chosen, isQuestion, reachable, type Answers } from './graph.js';
import type { Choice, Tree } from './schema.js';

/** Keys with no answer (or an answer not valid there) on any path still open from the `from` nodes. */
export const openQuestions = (tree: Tree, from: string | readonly string[], answers: Answers): AnswerKey[] =>
  answerKeys(tree, [
    ...reachable(tree, from, answers).filter((id) => isQuestion(tree, id) && !chosen(tree, id, answers)),
  ]);

/**
 * The choices still open for `key`, given the other answers (a list for a key that takes several
 * values, as in a plan): those of every question asking `key` that some path reaches while
 * following the given answers, and every choice where none was given. One visit per node: linear.
 * For shell completion: after --platform whatsapp, --content offers WhatsApp's content only.
 */
export function choicesFor(tree: Tree, key: string, given: ReadonlyMap<string, readonly string[]>): Choice[] {
  const offered = new Map<string, Choice>();
  const seen = new Set<string>();
  const stack = [tree.start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const question = tree.questions[id];
    if (!question || seen.has(id)) continue;
    seen.add(id);
    const ask = askOf(id, question);
    if (ask === key) {
      for (const choice of question.choices) if (!offered.has(choice.value)) offered.set(choice.value, choice);
      continue;
    }
    const values = given.get(ask);
    for (let i = question.choices.length - 1; i >= 0; i--) {
      const choice = question.choices[i]!;
      if (!values || values.includes(choice.value)) stack.push(choice.next);
    }
  }
  return [...offered.values()];
}
