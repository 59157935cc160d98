// Text fitted to a terminal's width: words wrapped (wide characters and ANSI colours measured by
// wrap-ansi and string-width), with hanging indents under numbered steps, bullets, [n] sources and
// `$ ` examples. Loaded lazily, only when output goes to a terminal: pipes and files get the text
// unwrapped, so other tools can reflow it.
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import wrapAnsi from 'wrap-ansi';

// Continuation lines are indented as far as the text after a list marker (a step number, a
// bullet, a [n] source, a `$ ` example), or after the term of a two-column line (help, exit codes).
const MARKER = /^ *(?:\d{1,3}\.|[-*•]|\[\d{1,3}\]|\$) +/;
const TERM = /^ {2,}\S+(?: \S+)* {2,}(?=\S)/;
const SPACES = /^ */;
const URL = /^https?:\/\/\S+$/;

/** Every line of `text` wrapped to `width` columns. */
export function fitToWidth(text: string, width: number): string {
  return text.split('\n').map((line) => fitLine(line, Math.max(width, 10))).join('\n');
}

function fitLine(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  let prefix = (MARKER.exec(line) ?? TERM.exec(line) ?? SPACES.exec(line)!)[0];
  // A deep indent would leave no room on a narrow terminal.
  if (prefix.length > width / 2) prefix = SPACES.exec(line)![0].slice(0, Math.floor(width / 2));
  const indent = ' '.repeat(prefix.length);
  const room = width - prefix.length;
  return wrapAnsi(line.slice(prefix.length), room, { trim: true })
    .split('\n')
    .flatMap((part) =>
      // A web address is never broken, so it stays clickable and copyable (the terminal folds it);
      // any other word too long for the line is.
      stringWidth(part) <= room || URL.test(stripVTControlCharacters(part)) ? [part] : wrapAnsi(part, room, { hard: true, trim: true }).split('\n'),
    )
    .map((part, i) => (i === 0 ? prefix : indent) + part)
    .join('\n');
}

/** The rows `text` takes on a terminal `width` columns wide, counting lines the terminal folds. */
export function rowsOf(text: string, width: number): number {
  return text.replace(/\n$/, '').split('\n').reduce((rows, line) => rows + Math.max(1, Math.ceil(stringWidth(line) / width)), 0);
}
