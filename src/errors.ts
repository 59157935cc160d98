// Expected failures, each with its exit code. Anything else is an internal error (exit 1).

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

export interface Located {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  warning?: true;
}

export const formatLocated = (p: Located): string =>
  `${p.file}:${p.line}:${p.col}: ${p.warning ? 'warning: ' : ''}${p.path ? `${p.path}: ` : ''}${p.message}`;

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
