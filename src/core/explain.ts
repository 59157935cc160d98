// --explain: what each answer decided (which outcomes it ruled out, which items of the verdict it
// chose), and which other answers would change the outcome.
import { answerRecord, reachableVerdicts, type Answers } from './graph.js';
import type { Outcome, Tree, Verdict, When } from './schema.js';
import type { PathStep } from './walk.js';

export interface ExplainedStep extends PathStep {
  prompt: string;
  /** Where this answer led: the next question's prompt, or the verdict's title. */
  led: { kind: 'question' | 'verdict'; id: string; text: string };
  /** Outcomes still possible at this question that this answer ruled out. */
  ruledOut: Outcome[];
  /** Outcomes still possible after this answer, whatever the later answers. */
  possible: Outcome[];
  /** Conditional items of the verdict (steps, caveats, disputes) whose `when` names this key: kept for this answer, or left out. */
  kept: number;
  leftOut: number;
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

/** The outcomes reachable from a node, in the order the tree's choices reach them. */
const outcomesFrom = (tree: Tree, from: string, answers: Answers = {}): Outcome[] => [
  ...new Set(reachableVerdicts(tree, from, answers).map(([, v]) => v.outcome)),
];

export function explain(tree: Tree, answers: Answers, path: PathStep[], verdict: Verdict): Explanation {
  const conditions: When[] = [...verdict.steps, ...(verdict.caveats ?? []), ...(verdict.disputed ?? [])].flatMap((item) => (item.when ? [item.when] : []));
  const steps = path.map((step): ExplainedStep => {
    const question = tree.questions[step.question]!;
    const next = question.choices.find((choice) => choice.value === step.answer)!.next;
    const led = tree.questions[next]
      ? { kind: 'question' as const, id: next, text: tree.questions[next]!.prompt }
      : { kind: 'verdict' as const, id: next, text: tree.verdicts[next]!.title };
    const possible = outcomesFrom(tree, next);
    const ruledOut = outcomesFrom(tree, step.question).filter((o) => !possible.includes(o));
    const naming = conditions.filter((when) => Object.hasOwn(when, step.ask)).map((when) => when[step.ask]!);
    const kept = naming.filter((allowed) => allowed === step.answer || (Array.isArray(allowed) && allowed.includes(step.answer))).length;
    return { ...step, prompt: question.prompt, led, ruledOut, possible, kept, leftOut: naming.length - kept };
  });

  const alternatives: Alternative[] = [];
  for (const step of path) {
    for (const choice of tree.questions[step.question]!.choices) {
      if (choice.value === step.answer) continue;
      const outcomes = outcomesFrom(tree, choice.next, answerRecord(answers, { [step.ask]: choice.value }));
      if (outcomes.length === 1 && outcomes[0] === verdict.outcome) continue;
      alternatives.push({ ask: step.ask, answer: choice.value, label: choice.label, outcomes });
    }
  }
  return { steps, alternatives };
}
