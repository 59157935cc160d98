// compareSnapshots: how two readings of the same answers are paired up into changes.
import { describe, expect, it } from 'vitest';
import { compareSnapshots, wordSimilarity, type Snapshot } from '../../src/core/changes.js';

const snapshot = (over: Partial<Snapshot>): Snapshot => ({ reviewed: '2026-01-01', verdicts: [], steps: [], ...over });
const v = (covers: string, outcome: string, title: string) => ({ covers, outcome, title });

describe('compareSnapshots', () => {
  it('pairs verdicts by what they cover, then by what they say; the rest were added or removed', () => {
    const then = snapshot({ verdicts: [v('Feed: posts', 'opt-out', 'Object'), v('Chat: AI', 'limited', 'Used'), v('Feed: photos', 'opt-out', 'Object too')] });
    const now = snapshot({ verdicts: [v('Feed: posts', 'no-opt-out', 'No way out'), v('Chat: AI, messages', 'limited', 'Used'), v('Glasses: voice', 'not-used', 'Not used')] });
    const { verdicts, changed } = compareSnapshots(then, now);
    expect(changed).toBe(true);
    expect(verdicts.changed).toEqual([
      { then: v('Feed: posts', 'opt-out', 'Object'), now: v('Feed: posts', 'no-opt-out', 'No way out') },
      { then: v('Chat: AI', 'limited', 'Used'), now: v('Chat: AI, messages', 'limited', 'Used') },
    ]);
    expect(verdicts.removed).toEqual([v('Feed: photos', 'opt-out', 'Object too')]);
    expect(verdicts.added).toEqual([v('Glasses: voice', 'not-used', 'Not used')]);
  });

  it('counts repeated steps, pairs a reworded one (or one with a new link), and keeps order', () => {
    const then = snapshot({ steps: [{ text: 'Open the form.' }, { text: 'Open the form.' }, { text: 'Object in the app settings under Privacy.', url: 'https://a.example/1' }, { text: 'Wait.' }] });
    const now = snapshot({ steps: [{ text: 'Open the form.' }, { text: 'Object in the app settings under Privacy.', url: 'https://a.example/2' }, { text: 'Tell a friend.' }] });
    expect(compareSnapshots(then, now).steps).toEqual({
      added: [{ text: 'Tell a friend.' }],
      removed: [{ text: 'Open the form.' }, { text: 'Wait.' }],
      reworded: [{ then: { text: 'Object in the app settings under Privacy.', url: 'https://a.example/1' }, now: { text: 'Object in the app settings under Privacy.', url: 'https://a.example/2' } }],
    });
  });

  it('has changed nothing when only the review date moved', () => {
    const same = { verdicts: [v('', 'opt-out', 'Object')], steps: [{ text: 'Object.' }] };
    const result = compareSnapshots(snapshot({ ...same }), snapshot({ ...same, reviewed: '2026-12-01' }));
    expect(result).toMatchObject({ changed: false, reviewed: { then: '2026-01-01', now: '2026-12-01' } });
  });
});

describe('wordSimilarity', () => {
  it('is the share of words in common, whatever the case and punctuation', () => {
    expect(wordSimilarity('Open the form.', 'open the FORM')).toBe(1);
    expect(wordSimilarity('Keep the confirmation email.', 'Screenshot the confirmation page.')).toBe(0.5);
    expect(wordSimilarity('One', 'Two')).toBe(0);
  });
});
