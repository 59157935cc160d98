// What a command line asks for, whichever parser read it (quick-args.ts or the commander program).
import { answerKeys, sameValue } from './core/answers.js';
import { answerRecord } from './core/graph.js';
import type { Tree } from './core/schema.js';
import { UsageError } from './errors.js';
import { errorLine, type Words } from './words.js';

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

/** An environment switch: set, and not empty, 0 or false. */
const isSet = (value: string | undefined) => value !== undefined && !/^(|0|false)$/i.test(value);

/**
 * How output meets a terminal. Plain prompts, line by line (--accessible, OPTOUT_CHECK_ACCESSIBLE=1,
 * or TERM=dumb, which cannot redraw a menu; gh's accessible prompter is the model), come with
 * plain output too: no colour and no pager.
 */
export function terminalWishes(flags: { accessible: boolean; colour: boolean; pager: boolean }, env: Readonly<Record<string, string | undefined>>) {
  const plain = flags.accessible || isSet(env.OPTOUT_CHECK_ACCESSIBLE) || env.TERM === 'dumb';
  return { plain, colour: flags.colour && !plain, pager: flags.pager && !plain };
}

/** `plan --format`; `--json` is `--format json`. */
export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Question ids that would clash with the tool's own flags; such questions take --answer only. */
const RESERVED = new Set(['tree', 'list', 'answer', 'json', 'explain', 'input', 'color', 'pager', 'accessible', 'version', 'help', 'format', 'lang']);

/** The answer keys that get a --<key> flag of their own. */
export const questionFlags = (tree: Tree) => answerKeys(tree).filter((k) => !RESERVED.has(k.key));

/**
 * The index of the command word (plan, matrix, …): the first argument that is neither an option nor
 * an option's value, where every option but the `switches` takes a value unless it has `=`; -1 if
 * there is none.
 */
export function commandIndex(args: readonly string[], switches: ReadonlySet<string>): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (!switches.has(arg) && !arg.includes('=')) i++;
  }
  return -1;
}

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

/** Like addAnswer, but a disagreement is a usage error, said in `words`; `earlier` spells how the answers there were given. */
export function withAnswer(
  answers: Record<string, string>,
  key: string,
  value: string,
  words: Words,
  spelling: Spelling,
  earlier: Spelling = spelling,
): Record<string, string> {
  const added = addAnswer(answers, key, value);
  if (added) return added;
  throw new UsageError(
    errorLine(words, words.say('error.conflicting-answers', { first: earlier(key, answers[key]!), second: spelling(key, value) })),
    'conflicting-answers',
    { flag: `--${key}`, values: [answers[key], value] },
  );
}

/** The answers from --answer pairs and --<question> flags, which must agree. */
export const mergedAnswers = (invocation: Invocation, words: Words): Record<string, string> =>
  Object.entries(invocation.flags).reduce((answers, [key, value]) => withAnswer(answers, key, value, words, asFlag, asAnswer), answerRecord(invocation.answers));
