// Every path through a tree, from the start to a verdict: the matrix, and the exhaustive tests.
import { answerRecord, askOf } from './graph.js';
import { Budget, OverLimit, spend } from './limits.js';
import type { Tree } from './schema.js';
import type { PathStep } from './walk.js';

export interface TreePath {
  steps: PathStep[];
  verdictId: string;
}

/**
 * A path being walked, as its last step and the trail before it: a step is added without copying
 * the path, which is written out once, at its end (a deep tree's paths share their beginnings).
 */
export interface Trail {
  step: PathStep;
  before: Trail | undefined;
  length: number;
}

export const follow = (trail: Trail | undefined, step: PathStep): Trail => ({ step, before: trail, length: (trail?.length ?? 0) + 1 });

/** The steps of a trail, first to last. */
export function stepsOf(trail: Trail | undefined): PathStep[] {
  const steps = new Array<PathStep>(trail?.length ?? 0);
  spend(steps.length);
  for (let at = trail; at; at = at.before) steps[at.length - 1] = at.step;
  return steps;
}

/** Every path, in menu order; more than LIMITS.paths is an OverLimit (exit 3: the tree is too large to list). */
export function enumeratePaths(tree: Tree): TreePath[] {
  const paths: TreePath[] = [];
  const budget = new Budget('paths');
  const stack: { id: string; trail: Trail | undefined }[] = [{ id: tree.start, trail: undefined }];
  while (stack.length > 0) {
    const { id, trail } = stack.pop()!;
    const question = tree.questions[id];
    if (!question) {
      if (!budget.spend()) throw new OverLimit('paths', 3);
      paths.push({ steps: stepsOf(trail), verdictId: id });
      continue;
    }
    const ask = askOf(id, question);
    // As the walker does: a single choice is taken without asking.
    const auto = question.choices.length === 1 ? { auto: true as const } : {};
    spend(question.choices.length);
    for (let i = question.choices.length - 1; i >= 0; i--) {
      const { value, label, next } = question.choices[i]!;
      stack.push({ id: next, trail: follow(trail, { question: id, ask, answer: value, label, ...auto }) });
    }
  }
  return paths;
}

/** A path's answers as a key → value map. */
export const answersOf = (steps: PathStep[]): Record<string, string> => {
  const answers = answerRecord();
  spend(steps.length);
  for (const step of steps) answers[step.ask] = step.answer;
  return answers;
};
