// The real binary in a pseudo-terminal, driven with keys as a person would.
import { spawn, type IPty } from '@lydell/node-pty';
import stringWidth from 'string-width';
import { BIN, ENGLISH_LOCALE, ROOT } from '../helpers.js';

export const KEY = { up: '\u001b[A', down: '\u001b[B', enter: '\r', space: ' ', backspace: '\u007f', ctrlC: '\u0003', ctrlD: '\u0004' };
export const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[=>]/g, '');

const definedOnly = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));

export interface TerminalOptions {
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  /** Another program to run, with `args` (a shell, say); the binary by default. */
  program?: string;
}

/**
 * Starts the binary in a terminal. `screen()` is everything it printed so far, without escapes;
 * `raw()` with them. PAGER is `cat` (no pager) unless a test sets it.
 */
export function startInTerminal(args: string[], { env = {}, cols = 120, rows = 40, program }: TerminalOptions = {}) {
  let output = '';
  const term: IPty = spawn(program ?? process.execPath, program ? args : [BIN, ...args], {
    name: env.TERM ?? 'xterm-256color',
    cols,
    rows,
    cwd: ROOT,
    // Without NO_COLOR at all: Node's styleText treats even an empty NO_COLOR as set.
    env: definedOnly({ ...process.env, ...ENGLISH_LOCALE, NO_COLOR: undefined, PAGER: 'cat', ...env }),
  });
  term.onData((data) => (output += data));
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  const screen = () => stripAnsi(output);
  const raw = () => output;
  const colours = () => output.match(/\u001b\[[0-9;]*m/g) ?? [];
  /** Where the output has got to, for `waitFor(text, since)`. */
  const mark = () => output.length;
  /** Waits for `text` to appear, after the point `since` if given (a question asked again). */
  async function waitFor(text: string, since = 0, timeoutMs = 15_000): Promise<void> {
    const start = Date.now();
    while (!stripAnsi(output.slice(since)).includes(text)) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return { term, screen, raw, colours, mark, waitFor, exited };
}

/**
 * The runs of text written without a line break or cursor movement between them (so a prompt's
 * redraw does not run into what it replaces), without escapes, each with its width in columns.
 */
export const printedLines = (raw: string) =>
  raw
    .split(/\r?\n|\r|\u001b\[\d*[ABGH]/)
    .map(stripAnsi)
    .map((line) => ({ line, width: stringWidth(line) }));

/** A line allowed to be wider than the terminal: a web address alone, which is never broken. */
export const isBareAddress = (line: string) => /^\s*https?:\/\/\S+$/.test(line);
