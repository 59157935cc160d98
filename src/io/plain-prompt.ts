// Questions asked line by line, for screen readers and simple terminals (TERM=dumb, Emacs shell),
// after gh's accessible prompter: the prompt, numbered choices, then a typed answer. No cursor
// movement, no redraw, no colour. Loaded lazily.
import { createInterface } from 'node:readline';
import { Aborted } from '../errors.js';
import type { Io } from './io.js';
import type { Prompter } from './prompter.js';

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

  return {
    async choose(question, { back, default: previous }) {
      const { choices } = question;
      const menu = [`${question.prompt}`];
      if (question.help) menu.push(question.help);
      choices.forEach((choice, i) => menu.push(`  ${i + 1}. ${choice.label}${choice.value === previous ? ' — your last answer' : ''}`));
      if (back) menu.push('  b. Back: change your last answer');
      output.write(`${menu.join('\n')}\n`);
      const ask = `Type a number from 1 to ${choices.length}${back ? ', or b to go back,' : ''} and press Enter: `;
      for (;;) {
        output.write(ask);
        const typed = await readLine();
        if (typed === '') continue;
        if (back && /^b(ack)?$/i.test(typed)) return undefined;
        const byNumber = /^\d+$/.test(typed) ? choices[Number(typed) - 1] : undefined;
        const chosen = byNumber ?? choices.find((c) => c.value === typed.toLowerCase());
        if (chosen) return chosen.value;
        output.write(`"${typed}" is not one of the choices.\n`);
      }
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
