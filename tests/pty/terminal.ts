// Drives the real binary in a pseudo-terminal, as a person would: keys in, screen out.
import { spawn, type IPty } from '@lydell/node-pty';
import { BIN, ROOT } from '../helpers.js';

export const KEY = { down: '\u001b[B', enter: '\r', space: ' ', ctrlC: '\u0003' };
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

const definedOnly = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** Starts the binary in a terminal; `screen()` is everything it printed so far, without escapes. */
export function startInTerminal(args: string[], env: Record<string, string | undefined> = {}) {
  let output = '';
  const term: IPty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    cwd: ROOT,
    // Without NO_COLOR at all: Node's styleText treats even an empty NO_COLOR as set.
    env: definedOnly({ ...process.env, NO_COLOR: undefined, ...env }),
  });
  term.onData((data) => (output += data));
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  const screen = () => stripAnsi(output);
  const colours = () => output.match(/\u001b\[[0-9;]*m/g) ?? [];
  async function waitFor(text: string, timeoutMs = 15_000): Promise<void> {
    const start = Date.now();
    while (!screen().includes(text)) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return { term, screen, colours, waitFor, exited };
}
