// What the interactive flow needs from a way of asking: the arrow-key menu (prompt.ts) or plain
// numbered questions, line by line (plain-prompt.ts).
import type { Question } from '../core/schema.js';

export interface Prompter {
  /** The value chosen, or undefined for "back" (offered only when `back` is true). */
  choose(question: Question, options: { back: boolean; default?: string }): Promise<string | undefined>;
  /** A line of context between questions, e.g. an answer given as a flag. */
  say(line: string): Promise<void>;
  close(): void;
}
