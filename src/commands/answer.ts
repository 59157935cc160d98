// The main command, one answer: check the given answers, walk, ask what is missing (only when a
// terminal can answer), then render. All I/O goes through `Io`, so this file never touches process.
import { checkAnswers, type AnswerKey, type AnswerProblem } from '../core/answers.js';
import { askOf, type Answers } from '../core/graph.js';
import { openQuestions } from '../core/open-questions.js';
import { buildReport } from '../core/report.js';
import { safeText } from '../core/safe-text.js';
import type { Tree } from '../core/schema.js';
import { walk, type WalkResult } from '../core/walk.js';
import type { InterviewEnd } from '../terminal/interview.js';
import { UsageError, type ErrorCode } from '../errors.js';
import type { Io } from '../io.js';
import { renderJson } from '../render/json.js';
import { fitted, show } from '../terminal/show.js';

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

const STALE_AFTER_DAYS = 180;

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
      const { plan } = await import('./plan.js');
      const format = options.json ? 'json' : 'text';
      const { command, input, colour, pager, plain } = options;
      return plan({ tree, command: `${command} plan`, answers, input, format, colour, pager, plain, answersShown: true }, io);
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

/** A note or warning on stderr, fitted to a terminal; it may quote the tree. */
const note = async (io: Io, line: string) => void io.stderr.write(await fitted(`${safeText(line)}\n`, io.stderr));

/** Several values, or `all`, for a varying key: what `plan` takes. */
function planHint(tree: Tree, answers: Answers): string {
  const several = (tree.varying ?? []).filter((key) => Object.hasOwn(answers, key) && (answers[key]!.includes(',') || answers[key]!.toLowerCase() === 'all'));
  return several.length > 0 ? `\nFor several values of ${several.map((k) => `--${k}`).join(' and ')} at once, run \`optout-check plan\` with the same flags.` : '';
}

/** `note`: a line added to the human message (e.g. a pointer to plan). */
export function invalidAnswers(problems: AnswerProblem[], note = ''): UsageError {
  const describe = (problem: AnswerProblem) => {
    const hint = problem.suggestion ? ` Did you mean ${problem.suggestion}?` : '';
    if (problem.kind === 'unknown-key') return `error: this tree asks no question "${problem.key}".${hint}`;
    return `error: --${problem.key} ${problem.value} is not a valid answer. Valid values: ${problem.values.join(', ')}.${hint}`;
  };
  const codeOf = (problem: AnswerProblem): ErrorCode => (problem.kind === 'unknown-key' ? 'unknown-option' : 'invalid-value');
  const details = problems.map((problem) => ({
    code: codeOf(problem),
    flag: `--${problem.key}`,
    value: problem.value,
    ...(problem.kind === 'bad-value' ? { values: problem.values } : {}),
    ...(problem.suggestion ? { suggestion: problem.kind === 'unknown-key' ? `--${problem.suggestion}` : problem.suggestion } : {}),
  }));
  return new UsageError(problems.map(describe).join('\n') + note, codeOf(problems[0]!), { problems: details });
}

function notApplicable(result: Extract<WalkResult, { kind: 'not-applicable' }>): UsageError {
  const key = askOf(result.questionId, result.question);
  const values = result.question.choices.map((c) => c.value);
  const last = result.path.at(-1);
  const because = last ? ` with --${last.ask} ${last.answer} (${last.label})` : '';
  const path = result.path.map((s) => `--${s.ask} ${s.answer}`).join(' ');
  return new UsageError(
    `error: --${key} ${result.value} does not apply${because}.\n` +
      `After ${path}, "${result.question.prompt}" takes one of: ${values.join(', ')}.`,
    'not-applicable',
    { flag: `--${key}`, value: result.value, values },
  );
}

/** `several`: the keys that take several values (in a plan). */
export function missingAnswers(keys: AnswerKey[], input: boolean, several: readonly string[] = []): UsageError {
  const why = input ? 'stdin is not a terminal' : '--no-input was given';
  const lines = keys.map((q) => `  --${q.key} <${q.values.join('|')}>  ${q.prompt}${several.includes(q.key) ? ' (several, comma-separated, or all)' : ''}`);
  return new UsageError(
    `error: missing answers, and no prompt can be shown (${why}). Pass them as flags:\n${lines.join('\n')}\n` +
      `Which of these are needed depends on your answers; --answer <question>=<value> works too.`,
    'missing-answers',
    { missing: keys.map((q) => ({ flag: `--${q.key}`, values: q.values, prompt: q.prompt, ...(several.includes(q.key) ? { several: true } : {}) })) },
  );
}

export async function warnIfStale(tree: Tree, io: Io): Promise<void> {
  const days = Math.floor((io.today.getTime() - Date.parse(tree.reviewed)) / 86_400_000);
  if (days > STALE_AFTER_DAYS) {
    await note(
      io,
      `warning: "${tree.title}" was last reviewed on ${tree.reviewed}, ${days} days ago. ` +
        `Facts may have changed since: check the dates of the sources.`,
    );
  }
}
