// Questions asked in turn over one prompter (the menu, or plain lines), with a way back: the
// answers given here, in order, so that Back takes the last one away and offers it again when its
// question comes back. The main flow (interview.ts) and plan's (plan-interview.ts) both ask with it.
import type { Question } from '../core/schema.js';
import type { Io } from '../io.js';
import type { Words } from '../words.js';
import { safePrompter, type Prompter } from './prompter.js';

export class Asking {
  /** The keys answered here, in order, with their answers. */
  private readonly given: { key: string; values: readonly string[] }[] = [];
  /** Answers taken back: where their question starts when asked again. */
  private readonly previous = new Map<string, readonly string[]>();

  private constructor(
    private readonly prompter: Prompter,
    /** The words the questions are asked with, for the flows' own lines too. */
    readonly words: Words,
  ) {}

  /** Plain questions (`plain`) or the menu. Prompts go to stderr when stdout is redirected, so `optout-check > answer.txt` stays clean. */
  static async start(io: Io, plain: boolean, words: Words): Promise<Asking> {
    const output = io.stdout.isTTY ? io.stdout : io.stderr;
    const prompter = plain
      ? (await import('./plain-prompt.js')).plainPrompter(io.stdin, output, io.onInterrupt, words)
      : (await import('./prompt.js')).menuPrompter(io.stdin, output, io, words);
    // Questions, labels and help come from the tree: made safe for the terminal here, for every flow.
    return new Asking(safePrompter(prompter), words);
  }

  /** Whether an answer was given here: Back is offered only then. */
  get canGoBack(): boolean {
    return this.given.length > 0;
  }

  /** How many answers were given here: a flow that starts at this depth goes back out of itself at it. */
  get depth(): number {
    return this.given.length;
  }

  wasAsked(key: string): boolean {
    return this.given.some((answer) => answer.key === key);
  }

  /** One value for `key`; undefined for Back. */
  choose(key: string, question: Question): Promise<string | undefined> {
    return this.prompter.choose(question, { back: this.canGoBack, default: this.previous.get(key)?.[0] });
  }

  /** Several values for `key`; undefined for Back. */
  chooseSeveral(key: string, question: Question): Promise<string[] | undefined> {
    return this.prompter.chooseSeveral(question, { back: this.canGoBack, default: this.previous.get(key) });
  }

  answered(key: string, answer: string | readonly string[]): void {
    this.given.push({ key, values: typeof answer === 'string' ? [answer] : answer });
  }

  /** Takes the last answer given here back; returns its key, for the caller to forget. */
  back(): string {
    const { key, values } = this.given.pop()!;
    this.previous.set(key, values);
    return key;
  }

  say(line: string): Promise<void> {
    return this.prompter.say(line);
  }

  close(): void {
    this.prompter.close();
  }
}
