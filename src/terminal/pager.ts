// The pager for a verdict taller than the terminal, as git and gh do it: PAGER if set (empty or
// `cat` for none), else `less -FRX` where less exists. Loaded lazily, only for a terminal.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Io } from '../io.js';

/**
 * less's own prompt is a bare ":", which tells a newcomer nothing: say which keys to press, briefly,
 * for less cuts a prompt wider than the terminal. In less's prompt syntax, "?e…:…." is one text at
 * the end and another before it.
 */
const LESS_PROMPT = "-Ps'?e(END) q to quit:Space for more, b back, q to quit.'";

/** The command to page with, or undefined for none. A dumb terminal gets no default pager. */
export function pagerCommand(env: Io['env']): string | undefined {
  if (env.PAGER !== undefined) {
    const pager = env.PAGER.trim();
    return pager === '' || pager === 'cat' ? undefined : pager;
  }
  if (env.TERM === 'dumb') return undefined;
  return onPath('less', env.PATH ?? '') ? `less -FRX ${LESS_PROMPT}` : undefined;
}

function onPath(name: string, path: string): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir || '.', name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Shows `text` in the pager; false when there is none to use, so the caller writes it itself. */
export async function page(text: string, io: Pick<Io, 'stdout' | 'stderr' | 'env' | 'onInterrupt'>): Promise<boolean> {
  const command = pagerCommand(io.env);
  if (!command) return false;
  // Ctrl-C belongs to the pager while it runs (less uses it to stop a search), as with git.
  const release = io.onInterrupt(() => {});
  try {
    const code = await new Promise<number | null>((resolve) => {
      // A shell runs PAGER, which may carry arguments; LESS as git sets it when unset.
      const child = spawn(command, { shell: true, stdio: ['pipe', io.stdout, io.stderr], env: { ...io.env, LESS: io.env.LESS ?? 'FRX' } });
      child.on('error', () => resolve(127));
      child.on('close', resolve);
      // The reader may quit before reading everything (q in less): not an error.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
    // 127: the shell found no such command. The verdict must still be shown.
    return code !== 127;
  } finally {
    release();
  }
}
