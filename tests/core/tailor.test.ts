import { describe, expect, it } from 'vitest';
import { applies, tailor } from '../../src/core/tailor.js';
import type { Verdict } from '../../src/core/schema.js';

describe('when: items that depend on the answers', () => {
  it('applies when every key has one of its values; an unanswered key does not apply', () => {
    expect(applies(undefined, {})).toBe(true);
    expect(applies({ platform: 'instagram' }, { platform: 'instagram' })).toBe(true);
    expect(applies({ platform: ['facebook', 'instagram'] }, { platform: 'facebook', region: 'eu' })).toBe(true);
    expect(applies({ platform: 'instagram', region: 'eu' }, { platform: 'instagram', region: 'uk' })).toBe(false);
    expect(applies({ platform: 'instagram' }, {})).toBe(false);
    expect(applies({ constructor: 'x' }, {})).toBe(false);
  });

  it('tailor keeps the unconditional items and those that apply, in order', () => {
    const verdict: Verdict = {
      outcome: 'opt-out',
      title: 'T',
      summary: 'S',
      sources: ['s'],
      steps: [
        { text: 'Facebook route', sources: ['s'], when: { platform: 'facebook' } },
        { text: 'Instagram route', sources: ['s'], when: { platform: 'instagram' } },
        { text: 'Everyone', sources: ['s'] },
      ],
      caveats: [{ text: 'Brazil only', sources: ['s'], when: { region: 'br' } }],
    };
    const seen = tailor(verdict, { platform: 'instagram', region: 'eu' });
    expect(seen.steps.map((s) => s.text)).toEqual(['Instagram route', 'Everyone']);
    expect(seen.caveats).toEqual([]);
    expect(seen.disputed).toBeUndefined();
  });
});
