// The pager for a verdict taller than the terminal, as git and gh do it: PAGER if set (empty or
// `cat` for none), else `less -FRX` where less exists. Loaded lazily, only for a terminal.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { shellWord } from '../core/safe-text.js';
import { Aborted } from '../errors.js';
import type { Io } from '../io.js';
import type { Words } from '../words.js';
import { exitCodeFor } from './signals.js';

/** A command line with nothing for a shell to do: words of these characters, the first no assignment. */
const PLAIN_COMMAND = /^[\w@%+:,./-]+( [\w@%+=:,./-]*)*$/;

/**
 * less's own prompt is a bare ":", which tells a newcomer nothing: say which keys to press, briefly,
 * for less cuts a prompt wider than the terminal. In less's prompt syntax, "?e…:…." is one text at
 * the end and another before it; a backslash keeps ?, :, ., % and itself as they are in a text.
 */
const lessPrompt = (words: Words) => {
  const text = (key: 'pager.end' | 'pager.more') => words.say(key).replace(/[?:.%\\]/g, '\\$&');
  return shellWord(`-Ps?e${text('pager.end')}:${text('pager.more')}.`);
};

/** The command to page with, or undefined for none. A dumb terminal gets no default pager. */
export function pagerCommand(env: Io['env'], words: Words): string | undefined {
  if (env.PAGER !== undefined) {
    const pager = env.PAGER.trim();
    return pager === '' || pager === 'cat' ? undefined : pager;
  }
  if (env.TERM === 'dumb') return undefined;
  return onPath('less', env.PATH ?? '') ? `less -FRX ${lessPrompt(words)}` : undefined;
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

/**
 * Shows `text` in the pager; false when there is none to use, so the caller writes it itself.
 * As with git, the pager owns the terminal until it ends: Ctrl-C is its own (less uses it to stop
 * a search, and the terminal sends it there too), and a signal that would end this process
 * (SIGTERM, SIGHUP, SIGQUIT) is passed on to it and waited for, so that it can put the terminal
 * back; then the run ends with 128 + the signal's number.
 */
export async function page(text: string, io: Pick<Io, 'stdout' | 'stderr' | 'env' | 'onInterrupt' | 'onSignal'>, words: Words): Promise<boolean> {
  const command = pagerCommand(io.env, words);
  if (!command) return false;
  const release = io.onInterrupt(() => {});
  let caught: NodeJS.Signals | undefined;
  let passOn = (_: NodeJS.Signals) => {};
  const releaseEnding = io.onSignal(['SIGTERM', 'SIGHUP', 'SIGQUIT'], (signal) => {
    caught ??= signal;
    passOn(signal);
  });
  try {
    const code = await new Promise<number | null>((resolve) => {
      // LESS as git sets it when unset. What is paged is UTF-8 whatever the locale says, and a
      // locale that is not installed (LANG=de_DE.UTF-8 on a bare system) makes less show „ü“ as
      // <C3><BC>: LESSCHARSET says so, unless set. PAGER may carry arguments; as git does, a shell
      // runs it only when it needs one, so that a signal passed on reaches the pager itself.
      const env = { ...io.env, LESS: io.env.LESS ?? 'FRX', LESSCHARSET: io.env.LESSCHARSET ?? 'utf-8' };
      const [program, ...args] = command.split(' ').filter(Boolean);
      const child = PLAIN_COMMAND.test(command)
        ? spawn(program!, args, { stdio: ['pipe', io.stdout, io.stderr], env })
        : spawn(command, { shell: true, stdio: ['pipe', io.stdout, io.stderr], env });
      passOn = (signal) => child.kill(signal);
      child.on('error', () => resolve(127));
      child.on('close', resolve);
      // The reader may quit before reading everything (q in less): not an error.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
    if (caught) throw new Aborted(exitCodeFor(caught));
    // 127: the shell found no such command. The verdict must still be shown.
    return code !== 127;
  } finally {
    release();
    releaseEnding();
  }
}
