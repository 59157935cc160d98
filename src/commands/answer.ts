// The main command, one answer: check the given answers, walk, ask what is missing (only when a
// terminal can answer), then render. All I/O goes through `Io`, so this file never touches process.
import { checkAnswers } from '../core/answers.js';
import type { Answers } from '../core/graph.js';
import { openQuestions } from '../core/open-questions.js';
import { buildReport } from '../core/report.js';
import type { Tree } from '../core/schema.js';
import { walk } from '../core/walk.js';
import type { Io } from '../io.js';
import { renderJson } from '../render/json.js';
import type { InterviewEnd } from '../terminal/interview.js';
import { note, show } from '../terminal/show.js';
import { invalidAnswers, missingAnswers, notApplicable, warnIfStale } from './answer-messages.js';

export interface AnswerOptions {
  tree: Tree;
  /** How the tool was invoked, up to the answers: for the "same answer in a script" line. */
  command: string;
  answers: Answers;
  /** False for --no-input. Prompts also need stdin to be a terminal. */
  input: boolean;
  json: boolean;
  explain: boolean;
  /** False for NO_COLOR or --no-color; JSON is never coloured. */
  colour: boolean;
  /** False for --no-pager. A pager is used only on a terminal, for a verdict taller than it. */
  pager: boolean;
  /** Questions line by line, with numbered choices (--accessible, TERM=dumb), instead of a menu. */
  plain: boolean;
}

/** An extra menu entry at a varying question: one plan for several of its answers (see plan.ts). */
const PLAN_CHOICE = { value: '*plan', label: 'Several of these: one plan for all of them', next: '' };

export async function answer(options: AnswerOptions, io: Io): Promise<void> {
  const { tree } = options;
  const { answers, problems } = checkAnswers(tree, options.answers);
  if (problems.length > 0) throw invalidAnswers(problems, planHint(tree, options.answers));

  const walked = walk(tree, answers);
  let result: InterviewEnd;
  if (walked.kind === 'question') {
    // Ask only when a terminal can answer: piped input would silently pick the first choice.
    if (!options.input || io.stdin.isTTY !== true) throw missingAnswers(openQuestions(tree, walked.questionId, answers), options.input);
    const { interview } = await import('../terminal/interview.js');
    result = await interview(tree, answers, io, { plain: options.plain, plan: PLAN_CHOICE });
    if (result.kind === 'plan') {
      const { showPlan } = await import('./plan.js');
      const format = options.json ? 'json' : 'text';
      return showPlan({ tree, command: `${options.command} plan`, format, colour: options.colour, pager: options.pager, explain: options.explain }, result, true, io);
    }
  } else {
    result = walked;
  }
  if (result.kind === 'not-applicable') throw notApplicable(result);

  // All answers, given or prompted: the counterfactuals of --explain hold the others fixed.
  const report = buildReport(tree, answers, result, options.explain);
  if (options.json) {
    io.stdout.write(renderJson(report));
  } else {
    const { renderText } = await import('../render/text.js');
    // A blank line between the last answer and the verdict, when both are on the screen.
    if (walked.kind === 'question' && io.stdout.isTTY) io.stdout.write('\n');
    await show(renderText(report, options.command, options.colour), io, { pager: options.pager });
  }
  if (!options.json && report.unused.length > 0) {
    await note(io, `note: not asked on this path, so ignored: ${report.unused.map((k) => `--${k}`).join(', ')}`);
  }
  await warnIfStale(tree, io);
}

/** Several values, or `all`, for a varying key: what `plan` takes. */
function planHint(tree: Tree, answers: Answers): string {
  const several = (tree.varying ?? []).filter((key) => Object.hasOwn(answers, key) && (answers[key]!.includes(',') || answers[key]!.toLowerCase() === 'all'));
  return several.length > 0 ? `\nFor several values of ${several.map((k) => `--${k}`).join(' and ')} at once, run \`optout-check plan\` with the same flags.` : '';
}
