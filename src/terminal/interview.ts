// The interactive flow: ask each missing answer in turn, with a way back to change the last one.
// Answers given as flags, and questions with a single choice, are said rather than asked. Loaded
// lazily: only a terminal gets here.
import { askOf } from '../core/graph.js';
import type { Choice, Tree } from '../core/schema.js';
import { walk, type PathStep, type WalkEnd } from '../core/walk.js';
import { Asking } from './asking.js';
import type { Io } from '../io.js';

/** Where an interview ends: a verdict, a flag that does not apply, or a wish for a plan instead. */
export type InterviewEnd = WalkEnd | { kind: 'plan' };

/**
 * Asks until a verdict (or an answer given as a flag that does not apply); fills in `answers`.
 * `plan`: an extra choice offered at questions of a varying key; picking it ends the interview.
 */
export async function interview(tree: Tree, answers: Record<string, string>, io: Io, options: { plain: boolean; plan?: Choice }): Promise<InterviewEnd> {
  const asking = await Asking.start(io, options.plain);
  let said = 0;
  try {
    for (;;) {
      const result = walk(tree, answers);
      said = Math.min(said, result.path.length);
      for (const step of result.path.slice(said)) if (!asking.wasAsked(step.ask)) await asking.say(describeStep(tree, step));
      said = result.path.length;
      if (result.kind === 'not-applicable' && asking.canGoBack) {
        // A flag that does not fit the answer just picked: let the person pick again.
        await asking.say(`--${askOf(result.questionId, result.question)} ${result.value} does not apply after that answer. Choose again, or start over without that flag.`);
        delete answers[asking.back()];
        continue;
      }
      if (result.kind !== 'question') return result;
      const key = askOf(result.questionId, result.question);
      const offerPlan = options.plan && tree.varying?.includes(key) && result.question.choices.length > 1;
      const question = offerPlan ? { ...result.question, choices: [...result.question.choices, options.plan!] } : result.question;
      const value = await asking.choose(key, question);
      if (value === undefined) delete answers[asking.back()];
      else if (offerPlan && value === options.plan!.value) return { kind: 'plan' };
      else {
        answers[key] = value;
        asking.answered(key, value);
      }
    }
  } finally {
    asking.close();
  }
}

/** How a step that was not asked here got its answer. */
function describeStep(tree: Tree, step: PathStep): string {
  return step.auto ? `Only one choice for "${tree.questions[step.question]!.prompt}": ${step.label}` : `From --${step.ask}: ${step.label}`;
}
