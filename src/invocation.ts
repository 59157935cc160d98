// What a command line asks for, whichever parser read it (quick-args.ts or the commander program).
import { answerKeys } from './core/answers.js';
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
}

/** Question ids that would clash with the tool's own flags; such questions take --answer only. */
const RESERVED = new Set(['tree', 'list', 'answer', 'json', 'explain', 'input', 'color', 'version', 'help']);

/** The answer keys that get a --<key> flag of their own. */
export const questionFlags = (tree: Tree) => answerKeys(tree).filter((k) => !RESERVED.has(k.key));

/** Splits `region=eu`; undefined when there is no `=`. */
export function parseAnswerPair(pair: string): [string, string] | undefined {
  const match = /^([^=]+)=(.*)$/.exec(pair);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** The answers from --answer pairs and --<question> flags, which must agree. */
export function mergedAnswers(invocation: Invocation): Record<string, string> {
  const answers = answerRecord(invocation.answers);
  for (const [key, value] of Object.entries(invocation.flags)) {
    if (answers[key] !== undefined && answers[key] !== value) {
      throw new UsageError(`error: --${key} ${value} and --answer ${key}=${answers[key]} disagree`);
    }
    answers[key] = value;
  }
  return answers;
}
