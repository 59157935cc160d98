// The prompt, in-process with plain streams: what it writes for a tree's question.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { menuPrompter } from '../../src/terminal/prompt.js';
import { safePrompter } from '../../src/terminal/prompter.js';
import { fixture } from '../helpers.js';
import { ENGLISH_WORDS } from '../../src/words.js';

/** Asks the tree's first question, answers it with Enter, and returns the answer and everything written. */
async function askFirst(name: string): Promise<{ answer: string; written: string }> {
  const tree = fixture(name);
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const answered = safePrompter(menuPrompter(input, output, { onSignal: () => () => {}, suspend: () => {} }, ENGLISH_WORDS)).choose(tree.questions[tree.start]!, { back: false }) as Promise<string>;
  setTimeout(() => input.write('\r'), 50);
  return { answer: await answered, written };
}

describe('the prompt', () => {
  it('escapes control characters in the prompt, help and labels of a hostile tree', async () => {
    const { answer, written } = await askFirst('hostile/control-chars.yaml');
    expect(answer).toBe('eu');
    // The prompt's own styling is SGR (ESC [ … m) and cursor movement; nothing else may act.
    const withoutOwnEscapes = written.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(withoutOwnEscapes).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(withoutOwnEscapes).toContain('Help\\x1b]0;pwned\\x07');
    expect(withoutOwnEscapes).toContain('Where\\x1b[2J do you live?');
    expect(withoutOwnEscapes).toContain('Europe\\x1b]8;;https://evil.example\\x1b\\click');
  });

  it('escapes invisible and reordering characters in the prompt, help and labels (issue 20)', async () => {
    const { answer, written } = await askFirst('hostile/invisible.yaml');
    expect(answer).toBe('eu');
    expect(written).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2028\u2029]/);
    expect(written).toContain('Where\\u200d do you live?');
    expect(written).toContain('Help\\u2029more');
    expect(written).toContain('Europe\\u202efdp.exe');
  });
});

