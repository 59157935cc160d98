// The interactive flow: ask each missing answer in turn, with a way back to change the last one.
// Answers given as flags, and questions with a single choice, are said rather than asked. Loaded
// lazily: only a terminal gets here.
import type { Exploration } from '../core/combinations.js';
import { answerRecord, askOf } from '../core/graph.js';
import type { Choice, Tree } from '../core/schema.js';
import { walk, type PathStep, type WalkEnd } from '../core/walk.js';
import { Asking } from './asking.js';
import type { Io } from '../io.js';
import type { Words } from '../words.js';

/** The answers of a plan, and the combinations they cover. */
export interface PlanAnswers {
  shared: Record<string, string>;
  selection: Map<string, string[] | 'all'>;
  exploration: Exploration;
}

/** Where an interview ends: a verdict, a flag that does not apply, or a plan for several answers. */
export type InterviewEnd = WalkEnd | ({ kind: 'plan' } & PlanAnswers);

/**
 * Asks until a verdict (or an answer given as a flag that does not apply); fills in `answers`.
 * `plan`: an extra choice offered at questions of a varying key; picking it goes on with plan's
 * questions, which Back leads out of again, and ends the interview with a plan.
 */
export async function interview(tree: Tree, answers: Record<string, string>, io: Io, options: { plain: boolean; plan?: Choice; words: Words }): Promise<InterviewEnd> {
  const { words } = options;
  const asking = await Asking.start(io, options.plain, words);
  let said = 0;
  try {
    for (;;) {
      const result = walk(tree, answers);
      said = Math.min(said, result.path.length);
      for (const step of result.path.slice(said)) if (!asking.wasAsked(step.ask)) await asking.say(describeStep(tree, step, words));
      said = result.path.length;
      if (result.kind === 'not-applicable' && asking.canGoBack) {
        // A flag that does not fit the answer just picked: let the person pick again.
        await asking.say(words.say('prompt.flag-does-not-apply', { key: askOf(result.questionId, result.question), value: result.value }));
        delete answers[asking.back()];
        continue;
      }
      if (result.kind !== 'question') return result;
      const key = askOf(result.questionId, result.question);
      const offerPlan = options.plan && tree.varying?.includes(key) && result.question.choices.length > 1;
      const question = offerPlan ? { ...result.question, choices: [...result.question.choices, options.plan!] } : result.question;
      const value = await asking.choose(key, question);
      if (value === undefined) {
        delete answers[asking.back()];
      } else if (offerPlan && value === options.plan!.value) {
        // Remembered like an answer, so that Back from plan's first question comes back here.
        asking.answered(key, value);
        const planned = await askForPlan(tree, answers, io, asking);
        if (planned) return { kind: 'plan', ...planned };
      } else {
        answers[key] = value;
        asking.answered(key, value);
      }
    }
  } finally {
    asking.close();
  }
}

/** plan's questions from here on, with the answers so far (a varying one is the only value chosen); undefined for Back. */
async function askForPlan(tree: Tree, answers: Record<string, string>, io: Io, asking: Asking): Promise<PlanAnswers | undefined> {
  const varying = tree.varying ?? [];
  const shared = answerRecord();
  const selection: PlanAnswers['selection'] = new Map();
  for (const [key, value] of Object.entries(answers)) {
    if (varying.includes(key)) selection.set(key, [value]);
    else shared[key] = value;
  }
  const { planInterview } = await import('./plan-interview.js');
  const exploration = await planInterview(tree, shared, selection, io, { asking, sayGiven: false });
  return exploration && { shared, selection, exploration };
}

/** How a step that was not asked here got its answer. */
function describeStep(tree: Tree, step: PathStep, words: Words): string {
  return step.auto
    ? words.say('prompt.only-choice', { prompt: tree.questions[step.question]!.prompt, label: step.label })
    : words.say('prompt.from-flag', { key: step.ask, labels: step.label });
}
