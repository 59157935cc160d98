// The walker: a pure function from (tree, answers) to where the walk stands.
import { askOf, chosen, type Answers } from './graph.js';
import { spend } from './limits.js';
import type { Question, Tree, Verdict } from './schema.js';

export interface PathStep {
  question: string;
  ask: string;
  answer: string;
  label: string;
  /** The question had a single choice, and no answer was given: it was taken without asking. */
  auto?: true;
}

export type WalkResult =
  | { kind: 'verdict'; verdictId: string; verdict: Verdict; path: PathStep[] }
  | { kind: 'question'; questionId: string; question: Question; path: PathStep[] }
  | { kind: 'not-applicable'; questionId: string; question: Question; value: string; path: PathStep[] };

/** Where a walk ends once every question on it has an answer. */
export type WalkEnd = Exclude<WalkResult, { kind: 'question' }>;

/**
 * Follows the answers from the tree's start. Stops at a verdict, at the first question with no
 * answer, or at a question whose answer is not one of its choices. A question with a single
 * choice is answered automatically (marked `auto`). Assumes a checked tree (a DAG).
 */
export function walk(tree: Tree, answers: Answers): WalkResult {
  const path: PathStep[] = [];
  let id = tree.start;
  for (;;) {
    const question = tree.questions[id];
    if (!question) return { kind: 'verdict', verdictId: id, verdict: tree.verdicts[id]!, path };
    spend(question.choices.length);
    const ask = askOf(id, question);
    const given = Object.hasOwn(answers, ask);
    const choice = chosen(tree, id, answers);
    if (!choice) {
      return given ? { kind: 'not-applicable', questionId: id, question, value: answers[ask]!, path } : { kind: 'question', questionId: id, question, path };
    }
    path.push({ question: id, ask, answer: choice.value, label: choice.label, ...(given ? {} : { auto: true as const }) });
    id = choice.next;
  }
}
