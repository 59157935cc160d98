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
import { listed, type Words } from '../words.js';
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
  /** The tool's words, in the language of the tree's texts. */
  words: Words;
}

export async function answer(options: AnswerOptions, io: Io): Promise<void> {
  const { tree, words } = options;
  const { answers, problems } = checkAnswers(tree, options.answers);
  if (problems.length > 0) throw invalidAnswers(problems, words, planHint(tree, options.answers, words));

  const walked = walk(tree, answers);
  let result: InterviewEnd;
  if (walked.kind === 'question') {
    // Ask only when a terminal can answer: piped input would silently pick the first choice.
    if (!options.input || io.stdin.isTTY !== true) throw missingAnswers(openQuestions(tree, walked.questionId, answers), options.input, words);
    const { interview } = await import('../terminal/interview.js');
    // An extra menu entry at a varying question: one plan for several of its answers (see plan.ts).
    const plan = { value: '*plan', label: words.say('prompt.plan-choice'), next: '' };
    result = await interview(tree, answers, io, { plain: options.plain, plan, words });
    if (result.kind === 'plan') {
      const { showPlan } = await import('./plan.js');
      const format = options.json ? 'json' : 'text';
      return showPlan({ tree, command: `${options.command} plan`, format, colour: options.colour, pager: options.pager, explain: options.explain, words }, result, true, io);
    }
  } else {
    result = walked;
  }
  if (result.kind === 'not-applicable') throw notApplicable(result, words);

  // All answers, given or prompted: the counterfactuals of --explain hold the others fixed.
  const report = buildReport(tree, answers, result, options.explain);
  if (options.json) {
    io.stdout.write(renderJson(report));
  } else {
    const { renderText } = await import('../render/text.js');
    // A blank line between the last answer and the verdict, when both are on the screen.
    if (walked.kind === 'question' && io.stdout.isTTY) io.stdout.write('\n');
    await show(renderText(report, options.command, options.colour, words), io, { pager: options.pager, words });
  }
  if (!options.json && report.unused.length > 0) {
    await note(io, words.say('verdict.unused', { flags: report.unused.map((k) => `--${k}`).join(', ') }));
  }
  await warnIfStale(tree, io, words);
}

/** Several values, or `all`, for a varying key: what `plan` takes. */
function planHint(tree: Tree, answers: Answers, words: Words): string | undefined {
  const several = (tree.varying ?? []).filter((key) => Object.hasOwn(answers, key) && (answers[key]!.includes(',') || answers[key]!.toLowerCase() === 'all'));
  return several.length > 0 ? words.say('error.plan-hint', { flags: listed(words, 'list.and', several.map((k) => `--${k}`)) }) : undefined;
}
