// The main command, one answer: check the given answers, walk, ask what is missing (only when a
// terminal can answer), then render. All I/O goes through `Io`, so this file never touches process.
import { checkAnswers, type AnswerProblem } from '../core/answers.js';
import { answerRecord, askOf, type Answers } from '../core/graph.js';
import { openQuestions } from '../core/open-questions.js';
import { buildReport } from '../core/report.js';
import { safeText } from '../core/safe-text.js';
import type { Tree } from '../core/schema.js';
import { walk, type WalkResult } from '../core/walk.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io/io.js';
import { renderJson } from '../io/render-json.js';

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
}

const STALE_AFTER_DAYS = 180;

export async function answer(options: AnswerOptions, io: Io): Promise<void> {
  const { tree } = options;
  const problems = checkAnswers(tree, options.answers);
  if (problems.length > 0) throw new UsageError(problems.map(describeProblem).join('\n'));

  const answers = answerRecord(options.answers);
  let result = walk(tree, answers);
  while (result.kind !== 'verdict') {
    if (result.kind === 'not-applicable') throw notApplicable(result);
    // Ask only when a terminal can answer: piped input would silently pick the first choice.
    if (!options.input || io.stdin.isTTY !== true) throw missingAnswers(tree, result.questionId, answers, options.input);
    const { ask } = await import('../io/prompt.js');
    // Prompts go to stderr when stdout is redirected, so `optout-check > answer.txt` stays clean.
    const output = io.stdout.isTTY ? io.stdout : io.stderr;
    answers[askOf(result.questionId, result.question)] = await ask(result.question, { input: io.stdin, output });
    result = walk(tree, answers);
  }

  // All answers, given or prompted: the counterfactuals of --explain hold the others fixed.
  const report = buildReport(tree, answers, result, options.explain);
  if (options.json) {
    io.stdout.write(renderJson(report));
  } else {
    const { renderText } = await import('../io/render-text.js');
    io.stdout.write(renderText(report, options.command, options.colour));
  }
  if (!options.json && report.unused.length > 0) {
    note(io, `note: not asked on this path, so ignored: ${report.unused.map((k) => `--${k}`).join(', ')}`);
  }
  warnIfStale(tree, io);
}

/** A note or warning on stderr; it may quote the tree. */
const note = (io: Io, line: string) => io.stderr.write(`${safeText(line)}\n`);

function describeProblem(problem: AnswerProblem): string {
  const hint = problem.suggestion ? ` Did you mean ${problem.suggestion}?` : '';
  if (problem.kind === 'unknown-key') return `error: this tree asks no question "${problem.key}".${hint}`;
  return `error: --${problem.key} ${problem.value} is not a valid answer. Valid values: ${problem.values.join(', ')}.${hint}`;
}

function notApplicable(result: Extract<WalkResult, { kind: 'not-applicable' }>): UsageError {
  const key = askOf(result.questionId, result.question);
  const values = result.question.choices.map((c) => c.value).join(', ');
  const last = result.path.at(-1);
  const because = last ? ` with --${last.ask} ${last.answer} (${last.label})` : '';
  const path = result.path.map((s) => `--${s.ask} ${s.answer}`).join(' ');
  return new UsageError(
    `error: --${key} ${result.value} does not apply${because}.\n` +
      `After ${path}, "${result.question.prompt}" takes one of: ${values}.`,
  );
}

function missingAnswers(tree: Tree, from: string, answers: Answers, input: boolean): UsageError {
  const why = input ? 'stdin is not a terminal' : '--no-input was given';
  const lines = openQuestions(tree, from, answers).map((q) => `  --${q.key} <${q.values.join('|')}>  ${q.prompt}`);
  return new UsageError(
    `error: missing answers, and no prompt can be shown (${why}). Pass them as flags:\n${lines.join('\n')}\n` +
      `Which of these are needed depends on your answers; --answer <question>=<value> works too.`,
  );
}

function warnIfStale(tree: Tree, io: Io): void {
  const days = Math.floor((io.today.getTime() - Date.parse(tree.reviewed)) / 86_400_000);
  if (days > STALE_AFTER_DAYS) {
    note(
      io,
      `warning: "${tree.title}" was last reviewed on ${tree.reviewed}, ${days} days ago. ` +
        `Facts may have changed since: check the dates of the sources.`,
    );
  }
}
