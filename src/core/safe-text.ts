// Tree text is written by strangers, and so are file names on a command line. The one escaping
// policy for every output (terminal text, prompts, help, errors, Markdown, JSON, shell lines):
// - a control character would reach the terminal as a command: ESC ] sets the window title,
//   ESC [2J clears the screen, CR overwrites a line, OSC 8 forges a link;
// - an invisible or reordering character would make a reader see what is not there: a bidi
//   override (U+202E) shows "exe.txt" for "txt.exe", a zero-width space hides in a word or a host,
//   U+2028 breaks a line in some readers and not others, tag characters carry hidden text.
// Both are escaped where the output is built, so they show as `\x1b` or `\u202e` instead of acting.
// Pure and free of Node's APIs: the static site escapes with the same lists.

// C0 except tab and newline, DEL, and C1.
const CONTROL = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';
/**
 * Unicode's format characters (category Cf: bidi marks, overrides and isolates, zero-width space
 * and joiners, word joiner, BOM, tag characters…; a test keeps this list equal to \p{Cf}), the
 * line and paragraph separators (Zl, Zp), and fillers that render as nothing (combining grapheme
 * joiner, Khmer vowel inherents, Mongolian variation selectors, Hangul fillers).
 */
const INVISIBLE =
  '\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb' +
  '\\u{110bd}\\u{110cd}\\u{13430}-\\u{1343f}\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0001}\\u{e0020}-\\u{e007f}' +
  '\\u2028\\u2029' +
  '\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180d\\u180f\\u3164\\uffa0';

/** Any character this policy escapes in text that may span lines. */
export const UNSAFE_CHARACTER = new RegExp(`[${CONTROL}${INVISIBLE}]`, 'u');
const UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'gu');
// The same, and newline: for one-line outputs, where a newline could forge a line of its own.
const UNSAFE_IN_LINE = new RegExp(`[${CONTROL}\\n${INVISIBLE}]`, 'u');
const UNSAFE_OR_NEWLINE = new RegExp(UNSAFE_IN_LINE.source, 'gu');
// What JSON itself leaves raw: DEL, C1 and the invisible characters (JSON escapes C0).
const UNSAFE_IN_JSON = new RegExp(`[\\u007f-\\u009f${INVISIBLE}]`, 'gu');
// What bash's $'…' writes as codes: the unsafe characters, newline, and ! (history expansion).
const CODED_IN_SHELL = new RegExp(`[!${CONTROL}\\n${INVISIBLE}]`, 'gu');

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');

/** `\x1b`, `\u202e` or `\u{e0041}`: the character's code, as JavaScript writes it. */
const escape = (c: string): string => {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`;
};

/** Text that may span lines: tab and newline are kept, every other unsafe character escaped. */
export const safeText = (text: string): string => text.replace(UNSAFE, escape);

/** Text for one line: newline escaped too. */
export const safeLine = (text: string): string => text.replace(UNSAFE_OR_NEWLINE, escape);

/** `\u202e`, or a surrogate pair `\udb40\udc41`: how JSON writes a character it does not show. */
const jsonEscape = (c: string): string => Array.from({ length: c.length }, (_, i) => `\\u${hex(c.charCodeAt(i), 4)}`).join('');

/**
 * JSON.stringify, indented, with DEL, C1 and the invisible characters escaped as well (JSON
 * itself escapes only C0): the same data once parsed, and safe to print.
 */
export const safeJson = (value: unknown): string => JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, jsonEscape);

/** A copy of `value` with `safeText` applied to every string in it, however deep. */
export function withSafeText<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map(withSafeText) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) copy[key] = withSafeText(item);
  return copy as T;
}

/** `\x1b`, `\u202e` or `\U000e0041`, as bash's $'…' writes a character by its code. */
const shellEscape = (c: string): string => {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
};

/**
 * One word for a shell, to paste as it is shown: as it is when it holds only characters no shell
 * treats specially, else in single quotes; a word with an unsafe character (a newline that would
 * forge a line, an escape) in bash's $'…', which writes each one (and !) as its code.
 */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  if (!UNSAFE_IN_LINE.test(word)) return `'${word.replaceAll("'", `'\\''`)}'`;
  return `$'${word.replace(/[\\']/g, '\\$&').replace(CODED_IN_SHELL, shellEscape)}'`;
}

/**
 * Why `url` is not safe to show as a link, or undefined. A reader trusts the host they see, so it
 * must be what a browser visits: no user name or password before an @ (which makes
 * `https://accounts.example.com@evil.example/` look like the first host), and only ASCII (an
 * invisible character or a look-alike letter in a host stays invisible). The message shows the
 * address as a browser reads it: the host in punycode, other characters percent-encoded.
 */
export function urlProblem(url: string): string | undefined {
  const address = /^https?:\/\/\S+$/.test(url) && URL.canParse(url) ? new URL(url) : undefined;
  if (!address) return 'url must be an http(s) address';
  if (address.username || address.password) return 'url must not carry a user name or password (before an @): it makes the address look like another host';
  if (!/[^\x21-\x7e]/.test(url)) return undefined;
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/, 1)[0]!;
  return /[^\x21-\x7e]/.test(authority)
    ? `url must have an ASCII host: write it as ${address.hostname}, or leave the url out`
    : `url must be ASCII: percent-encode the other characters, as in ${address.href}`;
}
