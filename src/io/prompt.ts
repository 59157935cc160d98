// The arrow-key menu. Loaded lazily so that scripted runs never pay for @inquirer; `select` is
// imported statically here so the bundler keeps only that prompt. Styles come from node:util's
// styleText, as inquirer's own do: both follow NO_COLOR and the terminal.
import { Separator, select } from '@inquirer/prompts';
import { styleText } from 'node:util';
import { Aborted } from '../errors.js';
import type { Terminal } from './io.js';
import { fitToWidth } from './layout.js';
import type { Prompter } from './prompter.js';

/** Not a valid answer value (values are lowercase letters, digits and dashes). */
const BACK = '<back>';

const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • '));

export function menuPrompter(input: NodeJS.ReadableStream, output: Terminal): Prompter {
  const fit = (text: string) => fitToWidth(text, output.columns || 80);
  return {
    async choose(question, { back, default: previous }) {
      if (question.help) output.write(`${styleText('dim', fit(question.help))}\n`);
      const choices = question.choices.map((c) => ({ name: c.label, value: c.value }));
      try {
        const value = await select(
          {
            message: question.prompt,
            choices: back ? [...choices, new Separator(), { name: '← Back', value: BACK }] : choices,
            default: previous,
            pageSize: 12,
            theme: { style: { keysHelpTip: (keys: [string, string][]) => keysHelpTip(back ? [...keys, ['← Back', 'changes your last answer']] : keys) } },
          },
          { input, output },
        );
        return value === BACK ? undefined : value;
      } catch (error) {
        // Ctrl-C (or a closed input) at the prompt.
        if (error instanceof Error && error.name === 'ExitPromptError') throw new Aborted();
        throw error;
      }
    },
    say(line) {
      output.write(`${styleText('dim', fit(line))}\n`);
    },
    close() {},
  };
}
