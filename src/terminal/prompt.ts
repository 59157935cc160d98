// The arrow-key menu and the checklist for several answers (checklist.ts). Loaded lazily so that
// scripted runs never pay for @inquirer. Styles come from node:util's styleText, as inquirer's own
// do: both follow NO_COLOR and the terminal.
import { wrapAnsi } from 'fast-wrap-ansi';
import { styleText } from 'node:util';
import type { Question } from '../core/schema.js';
import { Aborted } from '../errors.js';
import { checklist, keysHelpTip } from './checklist.js';
import type { Io, Terminal } from '../io.js';
import { menuKeys, type TerminalInput } from './keys.js';
import type { Prompter } from './prompter.js';
import { withSignalsCaught } from './signals.js';
import type { Words } from '../words.js';

/**
 * `text` wrapped at word boundaries, continuation lines indented by `indent` (under the text, after
 * a `? `, `❯ ` or other prefix that wide). inquirer would otherwise break long lines anywhere,
 * mid-word. Its own wrapper is used here, already loaded with it: the layout module that fits the
 * verdict (wrap-ansi) costs tens of milliseconds to load, too much before the first question.
 */
const hang = (text: string, width: number, indent: number) =>
  // No character takes more than two columns (tree text has no tabs or control characters left):
  // a line that surely fits needs no measuring, which costs more than anything else before the
  // first question is shown.
  text.length * 2 <= width - indent && !text.includes('\n')
    ? text
    : wrapAnsi(text, Math.max(width - indent, 10), { hard: true, trim: true }).replaceAll('\n', `\n${' '.repeat(indent)}`);

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

export function menuPrompter(input: TerminalInput, output: Terminal, signals: Pick<Io, 'onSignal' | 'suspend'>, words: Words): Prompter {
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
  /** The list of `question`'s choices, as a menu (`several` false) or a checklist; undefined for Back. */
  const ask = (question: Question, several: boolean, back: boolean, start: readonly string[] | undefined) => {
    const w = width();
    const message = several ? words.say('prompt.choose-all', { prompt: question.prompt }) : question.prompt;
    const indent = several ? 3 : 2;
    // Asked again after Ctrl-Z and fg (signals.ts) with the ticks as they were left.
    let ticked = start;
    return prompt((context) =>
      checklist(
        {
          message,
          choices: question.choices.map((c) => ({ name: hang(c.label, w, indent), value: c.value, short: c.label })),
          several,
          start: ticked,
          onTick: (values) => (ticked = values),
          exclusive: new Set(question.choices.filter((c) => c.exclusive).map((c) => c.value)),
          back,
          words,
          pageSize: 12,
          theme: {
            style: {
              // The help goes under the prompt while it is asked, and leaves the answered line alone.
              message: (text: string, status: string) =>
                styleText('bold', hang(text, w, 2)) + (question.help && status !== 'done' ? `\n${styleText('dim', hang(question.help, w, 0))}` : ''),
              keysHelpTip: (keys: [string, string][]) => hang(keysHelpTip(keys), w, 0),
              answer: (text: string) => styleText('cyan', answered(message, text, w)),
            },
          },
        },
        context,
      ),
    );
  };
  return {
    async choose(question, { back, default: previous }) {
      return (await ask(question, false, back, previous === undefined ? undefined : [previous]))?.[0];
    },
    chooseSeveral(question, { back, default: previous }) {
      return ask(question, true, back, previous);
    },
    async say(line) {
      output.write(`${styleText('dim', hang(line, width(), 2))}\n`);
    },
    close() {},
  };
}
