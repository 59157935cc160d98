// The arrow-key menu, and the checklist for several answers. Loaded lazily so that scripted runs
// never pay for @inquirer; `select` is imported statically here so the bundler keeps only that
// prompt. Styles come from node:util's styleText, as inquirer's own do: both follow NO_COLOR and
// the terminal.
import { Separator, select } from '@inquirer/prompts';
import { wrapAnsi } from 'fast-wrap-ansi';
import { styleText } from 'node:util';
import type { Question } from '../core/schema.js';
import { Aborted } from '../errors.js';
import { BACK_LABEL, checklist } from './checklist.js';
import type { Io, Terminal } from '../io.js';
import { menuKeys, type TerminalInput } from './keys.js';
import type { Prompter } from './prompter.js';
import { withSignalsCaught } from './signals.js';

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

/** Answered: `✔ prompt answer` on one line when it fits, else the answer on lines of its own. */
const answered = (prompt: string, answer: string, width: number) =>
  2 + prompt.length + 1 + answer.length <= width ? answer : `\n    ${hang(answer, width, 4)}`;

/** Ctrl-C (or a closed input) at a prompt ends the session. */
async function asked<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new Aborted();
    throw error;
  }
}

/** What a prompt of inquirer's kind is given: its keys, its screen, and what ends it. */
type Context = { input: TerminalInput; output: Terminal; signal: AbortSignal };

export function menuPrompter(input: TerminalInput, output: Terminal, signals: Pick<Io, 'onSignal' | 'suspend'>): Prompter {
  const width = () => output.columns || 80;
  /** A prompt read from `input` through keys.ts (a paste stays linear), with signals caught (signals.ts). */
  const prompt = <T>(start: (context: Context) => Promise<T>): Promise<T> =>
    asked(
      withSignalsCaught(async (signal) => {
        const keys = menuKeys(input);
        try {
          return await start({ input: keys.input, output, signal });
        } finally {
          keys.close();
        }
      }, signals),
    );
  /** The help goes under the prompt while it is asked, and leaves the answered line alone; the keys' hint names Back when offered. */
  const theme = (question: Question, back: boolean, w: number) => ({
    style: {
      message: (text: string, status: string) =>
        styleText('bold', hang(text, w, 2)) + (question.help && status !== 'done' ? `\n${styleText('dim', hang(question.help, w, 0))}` : ''),
      keysHelpTip: (keys: [string, string][]) => hang(keysHelpTip(back ? [...keys, [BACK_LABEL, 'changes your last answer']] : keys), w, 0),
    },
  });
  return {
    async choose(question, { back, default: previous }) {
      const w = width();
      const choices = question.choices.map((c) => ({ name: hang(c.label, w, 2), value: c.value, short: answered(question.prompt, c.label, w) }));
      const value = await prompt((context) =>
        select(
          {
            message: question.prompt,
            choices: back ? [...choices, new Separator(), { name: BACK_LABEL, value: BACK }] : choices,
            default: previous,
            pageSize: 12,
            theme: theme(question, back, w),
          },
          context,
        ),
      );
      return value === BACK ? undefined : value;
    },
    async chooseSeveral(question, { back, default: previous }) {
      const w = width();
      const message = `${question.prompt} Choose all that apply.`;
      const { style } = theme(question, back, w);
      // Asked again after Ctrl-Z with the ticks as they were left.
      let ticked = previous;
      return prompt((context) =>
        checklist(
          {
            message,
            choices: question.choices.map((c) => ({ name: hang(c.label, w, 3), value: c.value, short: c.label })),
            ticked,
            onTick: (values) => (ticked = values),
            back,
            pageSize: 12,
            theme: { style: { ...style, answer: (text: string) => styleText('cyan', answered(message, text, w)) } },
          },
          context,
        ),
      );
    },
    async say(line) {
      output.write(`${styleText('dim', hang(line, width(), 2))}\n`);
    },
    close() {},
  };
}
