// The keys a menu reads (keys.ts): the text of a paste never reaches readline, and no prompt gets
// more than MAX_TYPED characters of text, so that what readline and inquirer do on each key stays
// bounded and a paste of any size takes time in proportion to its length (issue 20, F13).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_TYPED, PASTED, menuKeys } from '../../src/terminal/keys.js';

/** Everything the keys pass on from what the terminal sends, chunk by chunk. */
async function passed(chunks: (string | Buffer)[]): Promise<string> {
  const terminal = new PassThrough();
  const { input, close } = menuKeys(terminal);
  let text = '';
  input.on('data', (chunk: Buffer) => (text += chunk.toString()));
  for (const chunk of chunks) terminal.write(chunk);
  await new Promise((resolve) => setImmediate(resolve));
  close();
  return text;
}

describe('the keys a menu reads', () => {
  it('pass keys and typed text as they are', async () => {
    expect(await passed(['in', 'sta', '\u001b[B', '\r', '\u0003', '\u001a', ' ', 'a'])).toBe('insta\u001b[B\r\u0003\u001a a');
  });

  it('drop the text of a paste, however large, and pass every key around it', async () => {
    const paste = 'x'.repeat(1024 * 1024);
    const chunks = ['\u001b[B', ...paste.match(/.{1,4096}/gs)!, ' ', '\u001b[A', '\t'.repeat(PASTED + 1), '\r'];
    expect(await passed(chunks)).toBe('\u001b[B \u001b[A\r');
  });

  it('give a prompt at most MAX_TYPED characters of text however it comes, a few at a time included', async () => {
    const text = await passed([...Array.from({ length: 3 * MAX_TYPED }, () => 'y'), '\r']);
    expect(text).toBe(`${'y'.repeat(MAX_TYPED)}\r`);
  });

  it('keep a character whole when the terminal splits its bytes', async () => {
    const bytes = Buffer.from('ü→🙂');
    expect(await passed([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)])).toBe('ü→🙂');
  });

  it('switch the terminal\'s raw mode while open, and stop reading it once closed', () => {
    const modes: boolean[] = [];
    const terminal = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (mode: boolean) => modes.push(mode) });
    const { input, close } = menuKeys(terminal);
    input.setRawMode!(true);
    close();
    input.setRawMode!(false);
    expect(modes).toEqual([true]);
    expect(terminal.listenerCount('data')).toBe(0);
    expect(terminal.isPaused()).toBe(true);
  });
});
