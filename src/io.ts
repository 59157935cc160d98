// The process's streams, environment, signals and clock, passed in so that commands never touch
// process themselves.
import type { Readable, Writable } from 'node:stream';

/** A stream that may be a terminal: columns and rows are set when it is. */
export type Terminal = Writable & { isTTY?: boolean; columns?: number; rows?: number };

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Terminal;
  stderr: Terminal;
  env: Readonly<Record<string, string | undefined>>;
  /** Calls `listener` on Ctrl-C (SIGINT) instead of exiting, until the returned function is called. */
  onInterrupt: (listener: () => void) => () => void;
  /**
   * Calls `listener` with the signal's name when one of `signals` arrives, instead of its default
   * action, until the returned function is called: what holds the terminal puts it back first.
   */
  onSignal: (signals: readonly NodeJS.Signals[], listener: (signal: NodeJS.Signals) => void) => () => void;
  /** Stops the process as Ctrl-Z does (the default action of SIGTSTP); returns once it goes on (fg). */
  suspend: () => void;
  today: Date;
}
