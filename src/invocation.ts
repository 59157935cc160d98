// What a command line asks for, whichever parser read it (quick-args.ts or the commander program).
import { answerKeys, sameValue } from './core/answers.js';
import { answerRecord } from './core/graph.js';
import type { Tree } from './core/schema.js';
import { UsageError } from './errors.js';

export interface Invocation {
  /** --tree, as given. */
  tree: string | undefined;
  /** --<question> flags. */
  flags: Record<string, string>;
  /** --answer <question>=<value> pairs. */
  answers: Record<string, string>;
  json: boolean;
  explain: boolean;
  /** False with --no-input. */
  input: boolean;
  /** False with --no-color. */
  colour: boolean;
  /** False with --no-pager. */
  pager: boolean;
  /** --accessible: questions line by line, with numbered choices. */
  accessible: boolean;
}

/** `plan --format`; `--json` is `--format json`. */
export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Question ids that would clash with the tool's own flags; such questions take --answer only. */
const RESERVED = new Set(['tree', 'list', 'answer', 'json', 'explain', 'input', 'color', 'pager', 'accessible', 'version', 'help', 'format']);

/** The answer keys that get a --<key> flag of their own. */
export const questionFlags = (tree: Tree) => answerKeys(tree).filter((k) => !RESERVED.has(k.key));

/** Splits `region=eu`; undefined when there is no `=`. */
export function parseAnswerPair(pair: string): [string, string] | undefined {
  const match = /^([^=]+)=(.*)$/.exec(pair);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** How a key's answer was given, for messages: `--region eu` or `--answer region=eu`. */
export type Spelling = (key: string, value: string) => string;
export const asFlag: Spelling = (key, value) => `--${key} ${value}`;
export const asAnswer: Spelling = (key, value) => `--answer ${key}=${value}`;

/**
 * `answers` with one more answer, added in place (one copy per answer would make a long command
 * line quadratic), or undefined when it already holds a different value for the key. Values match
 * case-insensitively (`--region EU` is eu), so `eu` repeated as `EU` agrees. `answers` must be a
 * prototype-free record (answerRecord): `constructor` or `__proto__` is an answer key like any other.
 */
export function addAnswer(answers: Record<string, string>, key: string, value: string): Record<string, string> | undefined {
  if (!Object.hasOwn(answers, key)) {
    answers[key] = value;
    return answers;
  }
  return sameValue(answers[key]!, value) ? answers : undefined;
}

/** Like addAnswer, but a disagreement is a usage error; `earlier` spells how the answers there were given. */
export function withAnswer(
  answers: Record<string, string>,
  key: string,
  value: string,
  spelling: Spelling,
  earlier: Spelling = spelling,
): Record<string, string> {
  const added = addAnswer(answers, key, value);
  if (added) return added;
  throw new UsageError(
    `error: ${earlier(key, answers[key]!)} and ${spelling(key, value)} disagree: give one answer per question`,
    'conflicting-answers',
    { flag: `--${key}`, values: [answers[key], value] },
  );
}

/** The answers from --answer pairs and --<question> flags, which must agree. */
export const mergedAnswers = (invocation: Invocation): Record<string, string> =>
  Object.entries(invocation.flags).reduce((answers, [key, value]) => withAnswer(answers, key, value, asFlag, asAnswer), answerRecord(invocation.answers));
