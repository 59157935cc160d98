// What the main command and plan tell a person about their answers: an answer that is not valid,
// answers missing where no prompt can ask, an answer that does not apply on the path taken, and a
// tree past its review.
import { suggestionText, type AnswerKey, type AnswerProblem } from '../core/answers.js';
import type { OpenQuestion } from '../core/combinations.js';
import { plainLabel } from '../core/coverage.js';
import { askOf } from '../core/graph.js';
import type { Tree } from '../core/schema.js';
import type { WalkResult } from '../core/walk.js';
import { UsageError, type ErrorCode } from '../errors.js';
import type { Io } from '../io.js';
import { note } from '../terminal/show.js';

const STALE_AFTER_DAYS = 180;

/** `addendum`: a line added to the human message (e.g. a pointer to plan). */
export function invalidAnswers(problems: AnswerProblem[], addendum = ''): UsageError {
  const describe = (problem: AnswerProblem) => {
    const hint = problem.suggestion ? ` Did you mean ${problem.kind === 'bad-value' ? suggestionText({ value: problem.suggestion, alias: problem.alias }) : problem.suggestion}?` : '';
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
  return new UsageError(problems.map(describe).join('\n') + addendum, codeOf(problems[0]!), { problems: details });
}

export function notApplicable(result: Extract<WalkResult, { kind: 'not-applicable' }>): UsageError {
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

/**
 * Why none of the chosen combinations reaches a verdict, and what can be chosen instead: at each
 * question where the paths ended, the answers it takes. For a script, as flags ("After --region eu
 * --platform whatsapp, --content takes one of: messages, …"); for a person, in the tree's words.
 */
export function noCombination(tree: Tree, deadEnds: readonly OpenQuestion[], asFlags: boolean): string {
  const varying = tree.varying ?? [];
  const lines = deadEnds.map(({ questionId, question, path }) => {
    const key = askOf(questionId, question);
    if (asFlags) return `After ${path.map((s) => `--${s.ask} ${s.answer}`).join(' ')}, --${key} takes one of: ${question.choices.map((c) => c.value).join(', ')}.`;
    const chosen = path.filter((s) => varying.includes(s.ask)).map((s) => plainLabel(s.label));
    return `For ${chosen.length > 0 ? chosen.join(', ') : 'your answers'}, "${question.prompt}" offers: ${question.choices.map((c) => plainLabel(c.label)).join(', ')}.`;
  });
  return [asFlags ? 'error: none of the chosen combinations exists.' : 'None of the combinations chosen exists.', ...new Set(lines)].join(asFlags ? '\n' : ' ');
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
