// Expected failures, each with its exit code and a code from a small vocabulary (README, "JSON
// errors"), which `--json` prints for scripts. Anything else is an internal error (exit 1).
import { safeLine } from './core/safe-text.js';

/** The `error.code` of a JSON error document. */
export type ErrorCode =
  | 'missing-answers'
  | 'invalid-value'
  | 'not-applicable'
  | 'conflicting-answers'
  | 'unknown-option'
  | 'missing-value'
  | 'unknown-command'
  | 'unknown-tree'
  | 'usage'
  | 'invalid-tree'
  | 'over-limit'
  | 'interrupted';


export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: ErrorCode,
    /** Extra fields of the JSON error document, e.g. the missing flags and their values. */
    readonly details: Record<string, unknown> = {},
    /** A line for people after the message, e.g. where the help is; not part of the JSON. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** True for a CliError from any bundle (each lazily loaded bundle has its own copy of the class). */
export const isCliError = (error: unknown): error is CliError =>
  error instanceof Error && typeof (error as Partial<CliError>).exitCode === 'number';

/** Bad flags or answers: exit 2. */
export class UsageError extends CliError {
  constructor(message: string, code: ErrorCode = 'usage', details: Record<string, unknown> = {}, hint?: string) {
    super(message, 2, code, details, hint);
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

/** A problem as the JSON documents show it (validate --json, and the invalid-tree error). */
export const locatedJson = ({ line, col, path, message, warning }: Located) =>
  ({ severity: warning ? 'warning' : 'error', line, col, path, message });

/** Problems in reading order: by file, then line, then column. */
export const byPosition = (a: Located, b: Located): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col;

/** An invalid tree file: exit 3, with every problem found. */
export class TreeError extends CliError {
  constructor(readonly problems: Located[]) {
    const sorted = [...problems].sort(byPosition);
    super(sorted.map(formatLocated).join('\n'), 3, 'invalid-tree', { problems: sorted.map((p) => ({ file: p.file, ...locatedJson(p) })) });
  }
}

/** Ctrl-C at a prompt: exit 130; another signal that ends a prompt: 128 + its number (signals.ts). */
export class Aborted extends CliError {
  constructor(exitCode = 130) {
    super('Aborted.', exitCode, 'interrupted');
  }
}
