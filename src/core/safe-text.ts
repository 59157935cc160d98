// Tree text is written by strangers. A control character in it would reach the terminal as a
// command: ESC ] sets the window title, ESC [2J clears the screen, CR overwrites a line, OSC 8
// forges a link. Every text output escapes C0 and C1 control characters (and DEL) where it is
// built, so they show as `\x1b` instead of acting. JSON escapes C0 itself; safeJson adds the rest.

// C0 except tab and newline, DEL, and C1.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// The same, and newline: for one-line outputs, where a newline could forge a line of its own.
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

const escape = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** Text that may span lines: tab and newline are kept, every other control character escaped. */
export const safeText = (text: string): string => text.replace(CONTROL, escape);

/** Text for one line: newline escaped too. */
export const safeLine = (text: string): string => text.replace(CONTROL_OR_NEWLINE, escape);

/**
 * JSON.stringify, indented, with DEL and C1 escaped as well (JSON itself escapes only C0): the
 * same data once parsed, and safe to print.
 */
export const safeJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A copy of `value` with `safeText` applied to every string in it, however deep. */
export function withSafeText<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map(withSafeText) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) copy[key] = withSafeText(item);
  return copy as T;
}
