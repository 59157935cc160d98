// The plain prompter's multi-select, fed typed lines: what each line means, and what is asked again.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/schema.js';
import { plainPrompter } from '../../src/terminal/plain-prompt.js';
import { ENGLISH_WORDS } from '../../src/words.js';

const QUESTION: Question = {
  ask: 'app',
  prompt: 'Which app?',
  choices: [
    { value: 'feed', label: 'Feed app', next: 'x' },
    { value: 'chat', label: 'Chat app', next: 'x' },
    { value: 'glasses', label: 'Glasses', aliases: ['Smart glasses'], next: 'x' },
    { value: 'none', label: 'No app', exclusive: true, next: 'x' },
  ],
};

/** The answer to typed `lines`, and everything printed. */
async function several(lines: string[], options: { back: boolean; default?: string[] } = { back: true }) {
  const input = new PassThrough();
  let printed = '';
  const output = new PassThrough().on('data', (chunk) => (printed += chunk));
  const prompter = plainPrompter(input, output, () => () => {}, ENGLISH_WORDS);
  input.end(lines.map((line) => `${line}\n`).join(''));
  try {
    return { answer: await prompter.chooseSeveral(QUESTION, options), printed };
  } finally {
    prompter.close();
  }
}

describe('plain multi-select', () => {
  it.each([
    ['1,3', ['feed', 'glasses']],
    ['3, 1', ['feed', 'glasses']], // in menu order, whatever the typed order
    ['2 2 chat', ['chat']],
    ['CHAT,feed', ['feed', 'chat']], // values in any case
    ['all', ['feed', 'chat', 'glasses']],
    ['All', ['feed', 'chat', 'glasses']],
  ])('%j is %j', async (typed, values) => {
    expect((await several([typed])).answer).toEqual(values);
  });

  it('all leaves out an answer that cannot be combined, which is refused with others and taken alone', async () => {
    expect((await several(['all'])).answer).toEqual(['feed', 'chat', 'glasses']);
    const { answer, printed } = await several(['1,4', '4']);
    expect(answer).toEqual(['none']);
    expect(printed).toContain('"No app" cannot be chosen with others.\n');
  });

  it('says back the answer as understood, aliases and near misses included', async () => {
    const { answer, printed } = await several(['smart-glases', 'SMART GLASSES, feed']);
    expect(answer).toEqual(['feed', 'glasses']);
    expect(printed).toContain('"smart-glases" is not one of the choices. Did you mean Smart glasses? That is 3. Glasses.\n');
    expect(printed).toContain('→ Feed app, Glasses\n');
    expect((await several(['b'])).printed).toContain('→ Back to your last answer\n');
  });

  it('b goes back when back is offered, and is not a choice otherwise', async () => {
    expect((await several(['b'])).answer).toBeUndefined();
    const { answer, printed } = await several(['b', '2'], { back: false });
    expect(answer).toEqual(['chat']);
    expect(printed).toContain('"b" is not one of the choices.');
    expect(printed).not.toContain('b. Back');
  });

  it('asks again after a number out of range, an unknown value, an empty list or an empty line', async () => {
    const { answer, printed } = await several(['5', 'feed,tv', ',', '', '1']);
    expect(answer).toEqual(['feed']);
    expect(printed.match(/press Enter: /g)).toHaveLength(5);
    expect(printed).toContain('"5" is not one of the choices.\n');
    expect(printed).toContain('"tv" is not one of the choices.\n');
    expect(printed).toContain('Choose at least one.\n');
  });

  it('marks the values of the last answer', async () => {
    const { printed } = await several(['1'], { back: true, default: ['feed', 'glasses'] });
    expect(printed).toContain('Which app? Choose all that apply.\n  1. Feed app — your last answer\n  2. Chat app\n  3. Glasses — your last answer\n  4. No app\n  b. Back: change your last answer\n');
  });
});
