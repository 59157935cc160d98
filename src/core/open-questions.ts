// What is still to be answered from a point in the walk: for the "missing answers" message.
import { askOf, reachable, type Answers } from './graph.js';
import type { Tree } from './schema.js';

export interface OpenQuestion {
  key: string;
  prompt: string;
  /** Every value this key can take on the paths still open. */
  values: string[];
}

/** Keys with no answer (or an answer not valid there) on any path still open from `from`. */
export function openQuestions(tree: Tree, from: string, answers: Answers): OpenQuestion[] {
  const open = new Map<string, OpenQuestion>();
  for (const id of reachable(tree, from, answers)) {
    const question = tree.questions[id];
    if (!question) continue;
    const key = askOf(id, question);
    if (question.choices.some((choice) => choice.value === answers[key])) continue;
    const entry = open.get(key) ?? { key, prompt: question.prompt, values: [] };
    for (const { value } of question.choices) if (!entry.values.includes(value)) entry.values.push(value);
    open.set(key, entry);
  }
  return [...open.values()];
}
