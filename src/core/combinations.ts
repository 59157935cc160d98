// Every combination a plan covers: the walk from the start, following the one shared answer at
// ordinary questions and every chosen value at the questions of a varying key (tree.varying).
import { askOf, chosen, type Answers } from './graph.js';
import { Budget, spend } from './limits.js';
import { answersOf, follow, stepsOf, type Trail } from './paths.js';
import type { Choice, Question, Tree, Verdict } from './schema.js';
import { tailor } from './tailor.js';
import type { PathStep } from './walk.js';

/** The values chosen for each varying key: a list, or every value the question offers. */
export type Selection = ReadonlyMap<string, readonly string[] | 'all'>;

export interface Combination {
  path: PathStep[];
  /** The answers on this path, varying ones included: one person's single run. */
  answers: Record<string, string>;
  verdictId: string;
  /** The verdict as this combination sees it (see tailor). */
  verdict: Verdict;
}

export interface OpenQuestion {
  questionId: string;
  question: Question;
  /** The first path met that leads here. */
  path: PathStep[];
}

export interface Exploration {
  combinations: Combination[];
  /** Questions reached whose key has no answer and no selection yet, in the order met. */
  open: OpenQuestion[];
  /** Questions reached that offer none of the values given for their key, where paths end (WhatsApp has no posts). */
  deadEnds: OpenQuestion[];
  /** More combinations and dead ends than LIMITS.combinations: the walk stopped. */
  tooMany: boolean;
}

/**
 * Walks every path the answers allow, depth first in menu order. A shared answer that is not a
 * choice at some question, or a chosen value that a varying question does not offer, ends that
 * path silently: the combination does not exist (e.g. WhatsApp has no posts). Paths multiply with
 * depth, so the walk stops past LIMITS.combinations, counting the paths that end at a question
 * (dead ends and open questions) as well as those that reach a verdict.
 */
export function explore(tree: Tree, shared: Answers, selection: Selection): Exploration {
  const combinations: Combination[] = [];
  const open = new Map<string, OpenQuestion>();
  const deadEnds = new Map<string, OpenQuestion>();
  const found = () => ({ combinations, open: [...open.values()], deadEnds: [...deadEnds.values()] });
  const budget = new Budget('combinations');
  const chosenValues = new Map<string, 'all' | Set<string>>([...selection].map(([key, values]) => [key, values === 'all' ? 'all' : new Set(values)]));
  const stack: { id: string; trail: Trail | undefined }[] = [{ id: tree.start, trail: undefined }];
  while (stack.length > 0) {
    const { id, trail } = stack.pop()!;
    const question = tree.questions[id];
    if (!question) {
      if (!budget.spend()) return { ...found(), tooMany: true };
      const path = stepsOf(trail);
      const answers = answersOf(path);
      combinations.push({ path, answers, verdictId: id, verdict: tailor(tree.verdicts[id]!, answers) });
      continue;
    }
    const ask = askOf(id, question);
    const values = chosenValues.get(ask);
    spend(question.choices.length);
    const next = values
      ? question.choices.filter((c) => values === 'all' || values.has(c.value))
      : [chosen(tree, id, shared)].filter((c) => c !== undefined);
    if (next.length === 0) {
      if (!budget.spend()) return { ...found(), tooMany: true };
      const ends = values || Object.hasOwn(shared, ask) ? deadEnds : open;
      if (!ends.has(id)) ends.set(id, { questionId: id, question, path: stepsOf(trail) });
    }
    for (let i = next.length - 1; i >= 0; i--) {
      const { value, label, next: to } = next[i]!;
      stack.push({ id: to, trail: follow(trail, { question: id, ask, answer: value, label }) });
    }
  }
  return { ...found(), tooMany: false };
}

/**
 * The key of the first open question, asked once for every open question that asks it: the union
 * of their choices, under the first one's prompt.
 */
export function nextOpenQuestion(open: OpenQuestion[]): { key: string; question: Question } {
  const key = askOf(open[0]!.questionId, open[0]!.question);
  const choices = new Map<string, Choice>();
  for (const { questionId, question } of open) {
    if (askOf(questionId, question) !== key) continue;
    for (const choice of question.choices) if (!choices.has(choice.value)) choices.set(choice.value, choice);
  }
  return { key, question: { ...open[0]!.question, choices: [...choices.values()] } };
}
