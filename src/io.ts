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
  today: Date;
}
