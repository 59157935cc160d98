// The interactive prompt. Loaded lazily (a dynamic import) so that scripted runs never pay for
// @inquirer; `select` is imported statically here so the bundler keeps only that prompt.
import { select } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import type { Question } from '../core/schema.js';
import { Aborted } from '../errors.js';
import { paint } from './colour.js';

/** Asks one question; `colour` and `toStderr` say how and where the help text is written. */
export async function ask(question: Question, io: { input: Readable; output: Writable; colour: boolean; toStderr: boolean }): Promise<string> {
  if (question.help) io.output.write(`${paint(io.colour, io.toStderr ? 'stderr' : 'stdout').dim(question.help)}\n`);
  try {
    return await select(
      { message: question.prompt, choices: question.choices.map((c) => ({ name: c.label, value: c.value })), pageSize: 12 },
      { input: io.input, output: io.output },
    );
  } catch (error) {
    // Ctrl-C (or a closed input) at the prompt.
    if (error instanceof Error && error.name === 'ExitPromptError') throw new Aborted();
    throw error;
  }
}
