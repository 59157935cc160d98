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
import { errorLine, type Words } from '../words.js';

const STALE_AFTER_DAYS = 180;

/** `addendum`: a line added to the human message (e.g. a pointer to plan). */
export function invalidAnswers(problems: AnswerProblem[], words: Words, addendum?: string): UsageError {
  const describe = (problem: AnswerProblem) => {
    const { suggestion } = problem;
    const hint = suggestion ? ` ${words.say('error.did-you-mean', { suggestion: problem.kind === 'bad-value' ? suggestionText({ value: suggestion, alias: problem.alias }) : suggestion })}` : '';
    if (problem.kind === 'unknown-key') return errorLine(words, `${words.say('error.unknown-question', { key: problem.key })}${hint}`);
    return errorLine(words, `${words.say('error.invalid-value', { key: problem.key, value: problem.value, values: problem.values.join(', ') })}${hint}`);
  };
  const codeOf = (problem: AnswerProblem): ErrorCode => (problem.kind === 'unknown-key' ? 'unknown-option' : 'invalid-value');
  const details = problems.map((problem) => ({
    code: codeOf(problem),
    flag: `--${problem.key}`,
    value: problem.value,
    ...(problem.kind === 'bad-value' ? { values: problem.values } : {}),
    ...(problem.suggestion ? { suggestion: problem.kind === 'unknown-key' ? `--${problem.suggestion}` : problem.suggestion } : {}),
  }));
  return new UsageError([...problems.map(describe), ...(addendum ? [addendum] : [])].join('\n'), codeOf(problems[0]!), { problems: details });
}

export function notApplicable(result: Extract<WalkResult, { kind: 'not-applicable' }>, words: Words): UsageError {
  const key = askOf(result.questionId, result.question);
  const values = result.question.choices.map((c) => c.value);
  const last = result.path.at(-1);
  const applies = errorLine(
    words,
    last
      ? words.say('error.not-applicable-with', { key, value: result.value, ask: last.ask, answer: last.answer, label: last.label })
      : words.say('error.not-applicable', { key, value: result.value }),
  );
  const path = result.path.map((s) => `--${s.ask} ${s.answer}`).join(' ');
  return new UsageError(
    `${applies}\n${words.say('error.takes-one-of', { path, prompt: result.question.prompt, values: values.join(', ') })}`,
    'not-applicable',
    { flag: `--${key}`, value: result.value, values },
  );
}

/**
 * Why none of the chosen combinations reaches a verdict, and what can be chosen instead: at each
 * question where the paths ended, the answers it takes. For a script, as flags ("After --region eu
 * --platform whatsapp, --content takes one of: messages, …"); for a person, in the tree's words.
 */
export function noCombination(tree: Tree, deadEnds: readonly OpenQuestion[], asFlags: boolean, words: Words): string {
  const varying = tree.varying ?? [];
  const lines = deadEnds.map(({ questionId, question, path }) => {
    const key = askOf(questionId, question);
    if (asFlags) {
      const values = question.choices.map((c) => c.value).join(', ');
      return words.say('error.no-combination-after', { path: path.map((s) => `--${s.ask} ${s.answer}`).join(' '), key, values });
    }
    const chosen = path.filter((s) => varying.includes(s.ask)).map((s) => plainLabel(s.label));
    const answers = chosen.length > 0 ? chosen.join(', ') : words.say('prompt.your-answers');
    return words.say('prompt.no-combination-for', { answers, prompt: question.prompt, labels: question.choices.map((c) => plainLabel(c.label)).join(', ') });
  });
  return [asFlags ? errorLine(words, words.say('error.no-combination')) : words.say('prompt.no-combination'), ...new Set(lines)].join(asFlags ? '\n' : ' ');
}

/** `several`: the keys that take several values (in a plan). */
export function missingAnswers(keys: AnswerKey[], input: boolean, words: Words, several: readonly string[] = []): UsageError {
  const why = words.say(input ? 'error.not-a-terminal' : 'error.no-input');
  const lines = keys.map((q) => `  --${q.key} <${q.values.join('|')}>  ${several.includes(q.key) ? words.say('error.missing-several', { prompt: q.prompt }) : q.prompt}`);
  return new UsageError(
    `${errorLine(words, words.say('error.missing-answers', { why }))}\n${lines.join('\n')}\n${words.say('error.missing-answers-end')}`,
    'missing-answers',
    { missing: keys.map((q) => ({ flag: `--${q.key}`, values: q.values, prompt: q.prompt, ...(several.includes(q.key) ? { several: true } : {}) })) },
  );
}

export async function warnIfStale(tree: Tree, io: Io, words: Words): Promise<void> {
  const days = Math.floor((io.today.getTime() - Date.parse(tree.reviewed)) / 86_400_000);
  if (days > STALE_AFTER_DAYS) await note(io, words.say('warning.stale', { title: tree.title, reviewed: tree.reviewed, days }));
}
