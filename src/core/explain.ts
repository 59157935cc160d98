// --explain: what each answer decided (which outcomes it ruled out, which items of the verdict it
// chose), and which other answers would change the outcome.
import { chosen, isQuestion, type Answers } from './graph.js';
import { spend } from './limits.js';
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

/**
 * The outcomes reachable from each node, following the answers where they pick a choice and every
 * choice where they do not, in the order the tree's choices reach them. Worked out once per node,
 * children first, however many times it is asked for: a node's outcomes are its children's, in
 * menu order, each once.
 */
function outcomesReachable(tree: Tree, answers: Answers): (from: string) => Outcome[] {
  const known = new Map<string, Outcome[]>();
  const open = new Set<string>();
  return (from) => {
    const stack = [from];
    while (stack.length > 0) {
      const id = stack[stack.length - 1]!;
      if (known.has(id)) {
        stack.pop();
        continue;
      }
      if (!isQuestion(tree, id)) {
        known.set(id, Object.hasOwn(tree.verdicts, id) ? [tree.verdicts[id]!.outcome] : []);
        stack.pop();
        continue;
      }
      const pick = chosen(tree, id, answers);
      const nexts = pick ? [pick.next] : tree.questions[id]!.choices.map((choice) => choice.next);
      spend(nexts.length);
      // Children first (a cycle, which a checked tree has not, is cut where it closes).
      const waiting = nexts.filter((next) => !known.has(next) && !open.has(next));
      if (waiting.length > 0 && !open.has(id)) {
        open.add(id);
        for (let i = waiting.length - 1; i >= 0; i--) stack.push(waiting[i]!);
        continue;
      }
      const outcomes = new Set<Outcome>();
      for (const next of nexts) for (const outcome of known.get(next) ?? []) outcomes.add(outcome);
      known.set(id, [...outcomes]);
      open.delete(id);
      stack.pop();
    }
    return known.get(from)!;
  };
}

export function explain(tree: Tree, answers: Answers, path: PathStep[], verdict: Verdict): Explanation {
  // What any answer could still lead to, and what these answers lead to: below a question, its
  // key is never asked again (a path asks each key once), so an answer changed there changes nothing below.
  const anyAnswer = outcomesReachable(tree, {});
  const theseAnswers = outcomesReachable(tree, answers);
  // The values each key's conditions allow, for the items of this verdict that have one.
  const conditions = new Map<string, When[string][]>();
  for (const item of [...verdict.steps, ...(verdict.caveats ?? []), ...(verdict.disputed ?? [])]) {
    for (const [key, allowed] of Object.entries(item.when ?? {})) {
      const list = conditions.get(key) ?? [];
      list.push(allowed);
      conditions.set(key, list);
    }
  }
  const steps = path.map((step): ExplainedStep => {
    const question = tree.questions[step.question]!;
    const next = question.choices.find((choice) => choice.value === step.answer)!.next;
    const led = tree.questions[next]
      ? { kind: 'question' as const, id: next, text: tree.questions[next]!.prompt }
      : { kind: 'verdict' as const, id: next, text: tree.verdicts[next]!.title };
    const possible = anyAnswer(next);
    const ruledOut = anyAnswer(step.question).filter((o) => !possible.includes(o));
    const naming = conditions.get(step.ask) ?? [];
    const kept = naming.filter((allowed) => allowed === step.answer || (Array.isArray(allowed) && allowed.includes(step.answer))).length;
    return { ...step, prompt: question.prompt, led, ruledOut, possible, kept, leftOut: naming.length - kept };
  });

  const alternatives: Alternative[] = [];
  for (const step of path) {
    const { choices } = tree.questions[step.question]!;
    spend(choices.length);
    for (const choice of choices) {
      if (choice.value === step.answer) continue;
      const outcomes = theseAnswers(choice.next);
      if (outcomes.length === 1 && outcomes[0] === verdict.outcome) continue;
      alternatives.push({ ask: step.ask, answer: choice.value, label: choice.label, outcomes });
    }
  }
  return { steps, alternatives };
}
