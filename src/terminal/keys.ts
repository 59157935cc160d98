// The keys a menu reads. A menu uses typed text only to jump to a choice (inquirer's select finds
// the first label that starts with it) or as a key (space ticks a box), but readline keeps every
// character in its line, and it and inquirer measure the whole line again on each key: a paste
// took time growing with its square (32 KB took 13 s of CPU). Here, between the terminal and
// readline, the text of a paste is dropped before readline sees it: a person's keys come a few at
// a time, a paste many at once. So a paste of any size costs time in proportion to its length.
// Keys (arrows, Enter, Ctrl-C, Ctrl-Z…) always pass.
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** More characters of text than this in one read from the terminal are a paste, not typing. */
export const PASTED = 16;
/** And no prompt is given more text than this in all (a paste that arrives a few characters at a time). */
export const MAX_TYPED = 4096;

/**
 * An escape sequence (an arrow key: ESC [ A), which passes whole, or a run of the text readline
 * would add to its line: anything but control characters (tab too, which it inserts).
 */
const KEY_OR_TEXT = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|O.?|.?)|[^\u0000-\u0008\u000a-\u001f\u007f]+/gs;
const isKey = (match: string) => match.startsWith('\u001b');

export type TerminalInput = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * An input for one prompt, fed from `terminal` until `close`: what it reads, less the text of
 * pastes and any text past MAX_TYPED characters. It switches the terminal's raw mode for readline,
 * as the terminal itself would.
 */
export function menuKeys(terminal: TerminalInput): { input: TerminalInput; close: () => void } {
  const keys = new PassThrough();
  const decoder = new StringDecoder('utf8');
  let typed = 0;
  let open = true;
  const onData = (chunk: Buffer | string) => {
    const read = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let text = 0;
    for (const [match] of read.matchAll(KEY_OR_TEXT)) if (!isKey(match)) text += match.length;
    const kept = read.replace(KEY_OR_TEXT, (match) => {
      if (isKey(match)) return match;
      if (text > PASTED) return '';
      const room = Math.max(0, MAX_TYPED - typed);
      typed += match.length;
      return match.slice(0, room);
    });
    if (kept) keys.write(kept);
  };
  const onEnd = () => keys.end();
  Object.assign(keys, {
    isTTY: terminal.isTTY,
    setRawMode(mode: boolean) {
      // Not once closed: readline may still ask, when continued after Ctrl-Z.
      if (open) terminal.setRawMode?.(mode);
      return keys;
    },
  });
  Object.defineProperty(keys, 'isRaw', { get: () => terminal.isRaw });
  terminal.on('data', onData);
  terminal.once('end', onEnd);
  // A terminal paused when the last prompt closed does not flow again by itself.
  terminal.resume();
  return {
    input: keys,
    close() {
      open = false;
      terminal.off('data', onData);
      terminal.off('end', onEnd);
      terminal.pause();
    },
  };
}
