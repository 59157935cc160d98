// The multi-select prompt for a varying key in `plan` ("Which apps do you use?"). Loaded lazily,
// and apart from prompt.ts, so that the single-answer flow never loads the checkbox prompt.
import { checkbox } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import { styleText } from 'node:util';
import type { Question } from '../core/schema.js';
import { Aborted } from '../errors.js';

export async function askSeveral(question: Question, io: { input: Readable; output: Writable }): Promise<string[]> {
  if (question.help) io.output.write(`${styleText('dim', question.help)}\n`);
  try {
    return await checkbox(
      {
        message: `${question.prompt} Choose all that apply.`,
        choices: question.choices.map((c) => ({ name: c.label, value: c.value })),
        pageSize: 12,
        required: true,
      },
      { input: io.input, output: io.output },
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new Aborted();
    throw error;
  }
}
