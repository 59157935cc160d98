// Matching a catalogue to the English it translates: by key, then by hash, so that only a text
// whose English changed goes stale.
import { describe, expect, it } from 'vitest';
import { matchCatalogue, type Catalogue, type HashedText } from '../../src/core/catalogue.js';
import { hashText } from '../../src/load/text-hash.js';

const text = (key: string, english: string): HashedText => ({ key, english, hash: hashText(english) });
const entry = (english: string, translation: string) => ({ hash: hashText(english), text: translation });
const statuses = (texts: HashedText[], catalogue: Catalogue) => {
  const { matches, unused } = matchCatalogue(texts, catalogue);
  return { matches: matches.map((m) => [m.text.key, m.status, 'entry' in m ? m.entry.text : undefined, 'movedFrom' in m ? m.movedFrom : undefined]), unused };
};

const steps = ['Open Settings.', 'Tap Right to object.', 'Tap Submit.'];
const catalogue: Catalogue = {
  lang: 'de',
  strings: {
    'steps.0': entry('Open Settings.', 'Öffne die Einstellungen.'),
    'steps.1': entry('Tap Right to object.', 'Tippe auf Widerspruchsrecht.'),
    'steps.2': entry('Tap Submit.', 'Tippe auf Senden.'),
  },
};

describe('matchCatalogue', () => {
  it('finds each text under its key while its English is unchanged', () => {
    expect(statuses(steps.map((s, i) => text(`steps.${i}`, s)), catalogue)).toEqual({
      matches: [
        ['steps.0', 'fresh', 'Öffne die Einstellungen.', undefined],
        ['steps.1', 'fresh', 'Tippe auf Widerspruchsrecht.', undefined],
        ['steps.2', 'fresh', 'Tippe auf Senden.', undefined],
      ],
      unused: [],
    });
  });

  it('a step inserted first makes only itself missing: the later steps are found by hash under their old keys', () => {
    const inserted = ['Log in.', ...steps].map((s, i) => text(`steps.${i}`, s));
    expect(statuses(inserted, catalogue)).toEqual({
      matches: [
        ['steps.0', 'missing', undefined, undefined],
        ['steps.1', 'fresh', 'Öffne die Einstellungen.', 'steps.0'],
        ['steps.2', 'fresh', 'Tippe auf Widerspruchsrecht.', 'steps.1'],
        ['steps.3', 'fresh', 'Tippe auf Senden.', 'steps.2'],
      ],
      unused: [],
    });
  });

  it('a changed English is stale, beside its old translation, which is never shown as fresh', () => {
    const changed = [steps[0]!, 'Tap "Right to object" in the first paragraph.', steps[2]!].map((s, i) => text(`steps.${i}`, s));
    expect(statuses(changed, catalogue).matches[1]).toEqual(['steps.1', 'stale', 'Tippe auf Widerspruchsrecht.', undefined]);
  });

  it('a removed step leaves its entry unused (the others are found by hash), and a text whose entry moved away is missing, not stale', () => {
    const removed = [steps[1]!, steps[2]!].map((s, i) => text(`steps.${i}`, s));
    const { matches, unused } = statuses(removed, catalogue);
    expect(matches.map((m) => m.slice(0, 2))).toEqual([['steps.0', 'fresh'], ['steps.1', 'fresh']]);
    expect(unused).toEqual(['steps.0']);
    const changedAndMoved = [text('steps.0', 'Log in.'), text('steps.1', steps[0]!)];
    expect(statuses(changedAndMoved, catalogue).matches[0]!.slice(0, 2)).toEqual(['steps.0', 'missing']);
  });

  it('an empty translation waits to be filled in; an English on the keep list needs none', () => {
    const todo: Catalogue = { lang: 'de', keep: ['Facebook'], strings: { a: entry('Where?', ''), b: entry('Facebook', '') } };
    const { matches, unused } = matchCatalogue([text('a', 'Where?'), text('b', 'Facebook'), text('c', 'Facebook')], todo);
    expect(matches.map((m) => [m.status, m.status === 'missing' ? m.todo : undefined])).toEqual([['missing', true], ['kept', undefined], ['kept', undefined]]);
    expect(unused).toEqual([]);
  });

  it('texts with the same English share one translation', () => {
    const shared = matchCatalogue([text('a', 'Tap Submit.'), text('b', 'Tap Submit.')], { lang: 'de', strings: { a: entry('Tap Submit.', 'Tippe auf Senden.') } });
    expect(shared.matches.map((m) => m.status)).toEqual(['fresh', 'fresh']);
  });
});
