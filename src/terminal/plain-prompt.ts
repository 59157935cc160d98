// Questions asked line by line, for screen readers and simple terminals (TERM=dumb, Emacs shell),
// after gh's accessible prompter: the prompt, numbered choices, then a typed answer. No cursor
// movement, no redraw, no colour. Loaded lazily.
import { createInterface } from 'node:readline';
import type { Choice, Question } from '../core/schema.js';
import { Aborted } from '../errors.js';
import type { Io } from '../io.js';
import type { Prompter } from './prompter.js';

/** What a typed line did not say: told, and the question asked again. */
type Problem = { problem: string };

/** The choice a typed word names: its number in the list, or its value. */
const choiceOf = (question: Question, word: string): Choice | undefined =>
  (/^\d+$/.test(word) ? question.choices[Number(word) - 1] : undefined) ?? question.choices.find((c) => c.value === word.toLowerCase());

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && Object.hasOwn(value, 'problem');

const notAChoice = (word: string): Problem => ({ problem: `"${word}" is not one of the choices.` });

export function plainPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, onInterrupt: Io['onInterrupt']): Prompter {
  // One reader for the whole session, so that answers typed ahead are kept. Not in terminal
  // mode: the terminal itself echoes and edits the line.
  const reader = createInterface({ input, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  // Ctrl-C reaches the process as a signal (the terminal is not in raw mode): stop at the next read.
  let interrupted: (error: Aborted) => void = () => {};
  const interruption = new Promise<never>((_, reject) => (interrupted = reject));
  interruption.catch(() => {});
  const release = onInterrupt(() => interrupted(new Aborted()));

  async function readLine(): Promise<string> {
    const next = await Promise.race([lines.next(), interruption]);
    // End of input (Ctrl-D) ends the session, as Ctrl-C does.
    if (next.done) throw new Aborted();
    return next.value.trim();
  }

  /**
   * Prints the question and its numbered choices (`previous` ones marked), then reads lines until
   * `read` makes sense of one; undefined for back.
   */
  async function ask<T>(prompt: string, question: Question, back: boolean, previous: readonly string[], how: string, read: (typed: string) => T | Problem): Promise<T | undefined> {
    const { choices } = question;
    const menu = [prompt];
    if (question.help) menu.push(question.help);
    choices.forEach((choice, i) => menu.push(`  ${i + 1}. ${choice.label}${previous.includes(choice.value) ? ' — your last answer' : ''}`));
    if (back) menu.push('  b. Back: change your last answer');
    output.write(`${menu.join('\n')}\n`);
    for (;;) {
      output.write(`${how}${back ? ', or b to go back,' : ''} and press Enter: `);
      const typed = await readLine();
      if (typed === '') continue;
      if (back && /^b(ack)?$/i.test(typed)) return undefined;
      const result = read(typed);
      if (!isProblem(result)) return result;
      output.write(`${result.problem}\n`);
    }
  }

  return {
    choose(question, { back, default: previous }) {
      const how = `Type a number from 1 to ${question.choices.length}`;
      return ask(question.prompt, question, back, previous === undefined ? [] : [previous], how, (typed) => choiceOf(question, typed)?.value ?? notAChoice(typed));
    },
    chooseSeveral(question, { back, default: previous = [] }) {
      const how = `Type one or more numbers from 1 to ${question.choices.length}, separated by commas (e.g. 1,2), or all`;
      return ask(`${question.prompt} Choose all that apply.`, question, back, previous, how, (typed) => {
        if (/^all$/i.test(typed)) return question.choices.map((c) => c.value);
        const picked = new Set<string>();
        for (const word of typed.split(/[\s,]+/).filter(Boolean)) {
          const choice = choiceOf(question, word);
          if (!choice) return notAChoice(word);
          picked.add(choice.value);
        }
        if (picked.size === 0) return { problem: 'Choose at least one.' };
        return question.choices.map((c) => c.value).filter((v) => picked.has(v));
      });
    },
    async say(line) {
      output.write(`${line}\n`);
    },
    close() {
      release();
      reader.close();
    },
  };
}
