// The interactive prompt. Loaded lazily so that scripted runs never pay for @inquirer; `select`
// is imported statically here so the bundler keeps only that prompt. Styles come from
// node:util's styleText, as inquirer's own do: both follow NO_COLOR and the terminal.
import { select } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import { styleText } from 'node:util';
import { withSafeText } from '../core/safe-text.js';
import type { Question } from '../core/schema.js';
import { Aborted } from '../errors.js';

export async function ask(untrusted: Question, io: { input: Readable; output: Writable }): Promise<string> {
  const question = withSafeText(untrusted);
  if (question.help) io.output.write(`${styleText('dim', question.help)}\n`);
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
