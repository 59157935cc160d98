// Every path through a tree, from the start to a verdict: the matrix, and the exhaustive tests.
import { answerRecord, askOf } from './graph.js';
import type { Tree } from './schema.js';
import type { PathStep } from './walk.js';

export interface TreePath {
  steps: PathStep[];
  verdictId: string;
}

export function enumeratePaths(tree: Tree): TreePath[] {
  const paths: TreePath[] = [];
  const stack: { id: string; steps: PathStep[] }[] = [{ id: tree.start, steps: [] }];
  while (stack.length > 0) {
    const { id, steps } = stack.pop()!;
    const question = tree.questions[id];
    if (!question) {
      paths.push({ steps, verdictId: id });
      continue;
    }
    const ask = askOf(id, question);
    // As the walker does: a single choice is taken without asking.
    const auto = question.choices.length === 1 ? { auto: true as const } : {};
    for (let i = question.choices.length - 1; i >= 0; i--) {
      const { value, label, next } = question.choices[i]!;
      stack.push({ id: next, steps: [...steps, { question: id, ask, answer: value, label, ...auto }] });
    }
  }
  return paths;
}

/** A path's answers as a key → value map. */
export const answersOf = (steps: PathStep[]): Record<string, string> =>
  answerRecord(Object.fromEntries(steps.map((step) => [step.ask, step.answer])));
