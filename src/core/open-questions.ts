// What is still to be answered from a point in the walk: for the "missing answers" message.
import { answerKeys, type AnswerKey } from './answers.js';
import { chosen, isQuestion, reachable, type Answers } from './graph.js';
import type { Tree } from './schema.js';

/** Keys with no answer (or an answer not valid there) on any path still open from the `from` nodes. */
export const openQuestions = (tree: Tree, from: string | readonly string[], answers: Answers): AnswerKey[] =>
  answerKeys(tree, [
    ...reachable(tree, from, answers).filter((id) => isQuestion(tree, id) && !chosen(tree, id, answers)),
  ]);
