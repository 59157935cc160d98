// Expected failures, each with its exit code. Anything else is an internal error (exit 1).
import { safeLine } from './core/safe-text.js';

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

/** True for a CliError from any bundle (each lazily loaded bundle has its own copy of the class). */
export const isCliError = (error: unknown): error is CliError =>
  error instanceof Error && typeof (error as Partial<CliError>).exitCode === 'number';

/** Bad flags or answers: exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

/**
 * Why a read or write failed, in the system's own words ("permission denied", "no space left on
 * device"); undefined for an error that is not the system's.
 */
export function systemReason(error: unknown): string | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return (typeof message === 'string' ? /^E[A-Z0-9]+: ([^,]+)/.exec(message)?.[1] : undefined) ?? code;
}

export interface Located {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  warning?: true;
}

/** One problem per line, whatever the file name, path or message hold (they come from the tree). */
export const formatLocated = (p: Located): string =>
  safeLine(`${p.file}:${p.line}:${p.col}: ${p.warning ? 'warning: ' : ''}${p.path ? `${p.path}: ` : ''}${p.message}`);

/** An invalid tree file: exit 3, with every problem found. */
export class TreeError extends CliError {
  constructor(readonly problems: Located[]) {
    super(problems.map(formatLocated).join('\n'), 3);
  }
}

/** Ctrl-C at a prompt: exit 130. */
export class Aborted extends CliError {
  constructor() {
    super('Aborted.', 130);
  }
}
