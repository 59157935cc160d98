// A prompt holds the terminal in raw mode with the cursor hidden; inquirer puts it back when the
// prompt ends, but a signal's default action ends the process first, leaving the shell raw and
// the cursor gone. So while a prompt runs, the signals are caught: one that ends the run aborts
// the prompt, which puts the terminal back, and the run ends with 128 + the signal's number, as
// a shell reports it; Ctrl-Z puts the terminal back, stops, and asks again on `fg`, as full-screen
// programs do. Loaded with the prompt.
import { constants } from 'node:os';
import { Aborted } from '../errors.js';
import type { Io } from '../io.js';

/** What ends a run at a prompt: kill and timeout (SIGTERM), a closed terminal (SIGHUP), Ctrl-\ (SIGQUIT), kill -INT. */
export const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGINT'];

/** 128 + the signal's number: the exit code a shell reports for a process the signal ended. */
export const exitCodeFor = (signal: NodeJS.Signals): number => 128 + constants.signals[signal];

/**
 * Runs a prompt with the signals caught. `ask` starts the prompt, which ends (restoring the
 * terminal) when `abort` is aborted. Ending signals abort it and end the run (Aborted, exit
 * 128 + n); SIGTSTP aborts it, stops the process, and asks again once it is continued.
 */
export async function withSignalsCaught<T>(ask: (abort: AbortSignal) => Promise<T>, io: Pick<Io, 'onSignal' | 'suspend'>): Promise<T> {
  for (;;) {
    const controller = new AbortController();
    let caught: NodeJS.Signals | undefined;
    const release = io.onSignal([...ENDING_SIGNALS, 'SIGTSTP'], (signal) => {
      caught ??= signal;
      controller.abort();
    });
    try {
      return await ask(controller.signal);
    } catch (error) {
      if (!caught) throw error;
    } finally {
      release();
    }
    // The prompt has ended, and the terminal is as it was found.
    if (caught !== 'SIGTSTP') throw new Aborted(exitCodeFor(caught));
    io.suspend();
  }
}
