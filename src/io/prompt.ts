// The arrow-key menu. Loaded lazily so that scripted runs never pay for @inquirer; `select` is
// imported statically here so the bundler keeps only that prompt. Styles come from node:util's
// styleText, as inquirer's own do: both follow NO_COLOR and the terminal.
import { Separator, select } from '@inquirer/prompts';
import { wrapAnsi } from 'fast-wrap-ansi';
import { styleText } from 'node:util';
import { Aborted } from '../errors.js';
import type { Terminal } from './io.js';
import type { Prompter } from './prompter.js';

/** Not a valid answer value (values are lowercase letters, digits and dashes). */
const BACK = '<back>';

const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • '));

/**
 * `text` wrapped at word boundaries, continuation lines indented by `indent` (under the text, after
 * a `? `, `❯ ` or other prefix that wide). inquirer would otherwise break long lines anywhere,
 * mid-word. Its own wrapper is used here, already loaded with it: the layout module that fits the
 * verdict (wrap-ansi) costs tens of milliseconds to load, too much before the first question.
 */
const hang = (text: string, width: number, indent: number) =>
  wrapAnsi(text, Math.max(width - indent, 10), { hard: true, trim: true }).replaceAll('\n', `\n${' '.repeat(indent)}`);

export function menuPrompter(input: NodeJS.ReadableStream, output: Terminal): Prompter {
  const width = () => output.columns || 80;
  return {
    async choose(question, { back, default: previous }) {
      const w = width();
      // The help goes under the prompt while it is asked, and leaves the answered line alone.
      const message = (text: string, status: string) =>
        styleText('bold', hang(text, w, 2)) + (question.help && status !== 'done' ? `\n${styleText('dim', hang(question.help, w, 0))}` : '');
      const choices = question.choices.map((c) => {
        // Answered: `✔ prompt label` on one line when it fits, else the label on lines of its own.
        const fits = 2 + question.prompt.length + 1 + c.label.length <= w;
        return { name: hang(c.label, w, 2), value: c.value, short: fits ? c.label : `\n    ${hang(c.label, w, 4)}` };
      });
      try {
        const value = await select(
          {
            message: question.prompt,
            choices: back ? [...choices, new Separator(), { name: '← Back', value: BACK }] : choices,
            default: previous,
            pageSize: 12,
            theme: { style: { message, keysHelpTip: (keys: [string, string][]) => keysHelpTip(back ? [...keys, ['← Back', 'changes your last answer']] : keys) } },
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
    async say(line) {
      output.write(`${styleText('dim', hang(line, width(), 2))}\n`);
    },
    close() {},
  };
}
