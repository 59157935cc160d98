// --explain: why each answer led where it did, and which other answers would change the outcome.
import { answerRecord, reachableVerdicts, type Answers } from './graph.js';
import type { Outcome, Tree } from './schema.js';
import type { PathStep } from './walk.js';

export interface ExplainedStep extends PathStep {
  prompt: string;
  /** Where this answer led: the next question's prompt, or the verdict's title. */
  led: { kind: 'question' | 'verdict'; id: string; text: string };
}

export interface Alternative {
  ask: string;
  answer: string;
  label: string;
  /** The outcomes this answer could lead to, given the other answers (several if more questions follow). */
  outcomes: Outcome[];
}

export interface Explanation {
  steps: ExplainedStep[];
  alternatives: Alternative[];
}

export function explain(tree: Tree, answers: Answers, path: PathStep[], outcome: Outcome): Explanation {
  const steps = path.map((step): ExplainedStep => {
    const question = tree.questions[step.question]!;
    const next = question.choices.find((choice) => choice.value === step.answer)!.next;
    const led = tree.questions[next]
      ? { kind: 'question' as const, id: next, text: tree.questions[next]!.prompt }
      : { kind: 'verdict' as const, id: next, text: tree.verdicts[next]!.title };
    return { ...step, prompt: question.prompt, led };
  });

  const alternatives: Alternative[] = [];
  for (const step of path) {
    for (const choice of tree.questions[step.question]!.choices) {
      if (choice.value === step.answer) continue;
      const changed = answerRecord(answers, { [step.ask]: choice.value });
      const outcomes = [...new Set(reachableVerdicts(tree, choice.next, changed).map(([, v]) => v.outcome))];
      if (outcomes.length === 1 && outcomes[0] === outcome) continue;
      alternatives.push({ ask: step.ask, answer: choice.value, label: choice.label, outcomes });
    }
  }
  return { steps, alternatives };
}
