// Small helpers over a tree's graph, shared by the walker, the checks and the enumerations.
import { spend } from './limits.js';
import type { Choice, Question, Tree } from './schema.js';

export type Answers = Readonly<Record<string, string>>;

/**
 * A new answer record holding the entries of `from`, without a prototype: answer keys come from
 * trees and command lines, and `constructor` or `__proto__` must be plain keys, not Object's.
 */
export const answerRecord = (...from: Answers[]): Record<string, string> => Object.assign(Object.create(null), ...from);

/** The answer key (and flag name) of a question: `ask`, or else the question's own id. */
export const askOf = (questionId: string, question: Question): string => question.ask ?? questionId;

export const isQuestion = (tree: Tree, id: string): boolean => Object.hasOwn(tree.questions, id);
export const isVerdict = (tree: Tree, id: string): boolean => Object.hasOwn(tree.verdicts, id);

/**
 * The choice an answer picks at a question, if the answer is one of its values. A question with a
 * single choice answers itself when no answer was given: there is nothing to ask.
 */
export function chosen(tree: Tree, questionId: string, answers: Answers): Choice | undefined {
  const question = tree.questions[questionId]!;
  const key = askOf(questionId, question);
  if (!Object.hasOwn(answers, key)) return question.choices.length === 1 ? question.choices[0] : undefined;
  return question.choices.find((choice) => choice.value === answers[key]);
}

/**
 * Every node reachable from `from` (one node or several), following the given answers where they
 * pick a choice and every choice where they do not. This is "what could still happen" from a point
 * in the walk. Each node is visited once, however many starting points lead to it.
 */
export function reachable(tree: Tree, from: string | readonly string[], answers: Answers): string[] {
  const seen = new Set<string>();
  const stack = [from].flat().reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (!isQuestion(tree, id)) continue;
    const pick = chosen(tree, id, answers);
    const nexts = pick ? [pick.next] : tree.questions[id]!.choices.map((choice) => choice.next);
    spend(nexts.length);
    for (let i = nexts.length - 1; i >= 0; i--) stack.push(nexts[i]!);
  }
  return [...seen];
}
