// What the interactive flows need from a way of asking: the arrow-key menu and checklist
// (prompt.ts) or plain numbered questions, line by line (plain-prompt.ts).
import { safeText, withSafeText } from '../core/safe-text.js';
import type { Question } from '../core/schema.js';

export interface Prompter {
  /** The value chosen, or undefined for "back" (offered only when `back` is true). `default`: the answer to start from. */
  choose(question: Question, options: { back: boolean; default?: string }): Promise<string | undefined>;
  /** Several values (at least one, in menu order), or undefined for "back". `default`: the values to start from. */
  chooseSeveral(question: Question, options: { back: boolean; default?: readonly string[] }): Promise<string[] | undefined>;
  /** A line of context between questions, e.g. an answer given as a flag. */
  say(line: string): Promise<void>;
  close(): void;
}

/** The same prompter, with every string from the tree made safe for a terminal (see safe-text.ts). */
export const safePrompter = (prompter: Prompter): Prompter => ({
  choose: (question, options) => prompter.choose(withSafeText(question), options),
  chooseSeveral: (question, options) => prompter.chooseSeveral(withSafeText(question), options),
  say: (line) => prompter.say(safeText(line)),
  close: () => prompter.close(),
});
