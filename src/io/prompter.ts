// What the interactive flow needs from a way of asking: the arrow-key menu (prompt.ts) or plain
// numbered questions, line by line (plain-prompt.ts).
import { safeText, withSafeText } from '../core/safe-text.js';
import type { Question } from '../core/schema.js';

export interface Prompter {
  /** The value chosen, or undefined for "back" (offered only when `back` is true). */
  choose(question: Question, options: { back: boolean; default?: string }): Promise<string | undefined>;
  /** A line of context between questions, e.g. an answer given as a flag. */
  say(line: string): Promise<void>;
  close(): void;
}

/** The same prompter, with every string from the tree made safe for a terminal (see safe-text.ts). */
export const safePrompter = (prompter: Prompter): Prompter => ({
  choose: (question, options) => prompter.choose(withSafeText(question), options),
  say: (line) => prompter.say(safeText(line)),
  close: () => prompter.close(),
});
