// Text for people: on a terminal, fitted to its width (and stdout paged when taller than it); to
// a pipe or a file, as it is. The layout and the pager load only when a terminal needs them.
import { safeText } from '../core/safe-text.js';
import type { Io, Terminal } from '../io.js';
import { ENGLISH_WORDS, type Words } from '../words.js';

/** `text` fitted to `stream` when it is a terminal; as it is otherwise. */
export async function fitted(text: string, stream: Terminal): Promise<string> {
  const width = stream.columns || 80;
  // No character is more than two columns wide, but a tab can be eight: text that surely fits
  // does not need the layout module, whose width tables take tens of milliseconds to load.
  if (!stream.isTTY || (!text.includes('\t') && text.split('\n').every((line) => line.length * 2 <= width))) return text;
  const { fitToWidth } = await import('./layout.js');
  return fitToWidth(text, width);
}

/** `words`: the pager's prompt, in the language of `text`. */
export async function show(text: string, io: Pick<Io, 'stdout' | 'stderr' | 'env' | 'onInterrupt' | 'onSignal'>, options: { pager: boolean; words?: Words }): Promise<void> {
  const out = io.stdout;
  const shown = await fitted(text, out);
  if (out.isTTY && options.pager) {
    const { rowsOf } = await import('./layout.js');
    if (rowsOf(shown, out.columns || 80) > (out.rows || 24)) {
      const { page } = await import('./pager.js');
      if (await page(shown, io, options.words ?? ENGLISH_WORDS)) return;
    }
  }
  out.write(shown);
}

/** A note or warning on stderr, fitted to a terminal; it may quote the tree. */
export const note = async (io: Pick<Io, 'stderr'>, line: string): Promise<void> => void io.stderr.write(await fitted(`${safeText(line)}\n`, io.stderr));
