// What a translation covers, and the localised tree every renderer reads unchanged.
import { describe, expect, it } from 'vitest';
import { localiseTree, mapTexts, translatableTexts } from '../../src/core/translatable.js';
import { fixture } from '../helpers.js';

const tree = fixture('small.yaml');

describe('translatable texts', () => {
  it('are what a person reads, keyed by ids where the tree has them and by position in lists', () => {
    expect(translatableTexts(tree).map((t) => t.key)).toEqual([
      'title',
      'question',
      'questions.region.prompt',
      'questions.region.help',
      'questions.region.choices.eu.label',
      'questions.region.choices.us.label',
      'questions.app.prompt',
      'questions.app.choices.feed.label',
      'questions.app.choices.chat.label',
      'questions.content-feed.prompt',
      'questions.content-feed.choices.posts.label',
      'questions.content-feed.choices.messages.label',
      'questions.content-chat.prompt',
      'questions.content-chat.choices.messages.label',
      'questions.visibility.prompt',
      'questions.visibility.choices.public.label',
      'questions.visibility.choices.private.label',
      'verdicts.object.title',
      'verdicts.object.summary',
      'verdicts.object.steps.0.text',
      'verdicts.object.caveats.0.text',
      'verdicts.no-opt-out.title',
      'verdicts.no-opt-out.summary',
      'verdicts.no-opt-out.steps.0.text',
      'verdicts.no-opt-out.disputed.0.topic',
      'verdicts.no-opt-out.disputed.0.sides.0.claim',
      'verdicts.no-opt-out.disputed.0.sides.1.claim',
      'verdicts.not-used.title',
      'verdicts.not-used.summary',
      'verdicts.not-used.steps.0.text',
    ]);
  });

  it('carry the sources they rest on, for the labels check; questions and titles cite none', () => {
    const byKey = new Map(translatableTexts(tree).map((t) => [t.key, t]));
    expect(byKey.get('verdicts.object.steps.0.text')).toEqual({ key: 'verdicts.object.steps.0.text', text: 'Fill in the objection form.', cites: ['law', 'company'] });
    expect(byKey.get('verdicts.object.summary')!.cites).toEqual(['law']);
    expect(byKey.get('verdicts.no-opt-out.disputed.0.topic')!.cites).toEqual(['company', 'law']);
    expect(byKey.get('questions.region.prompt')!.cites).toBeUndefined();
  });

  it('leave source titles, quotes, ids, values and links out', () => {
    const texts = translatableTexts(tree).map((t) => t.text);
    expect(texts).not.toContain('The law');
    expect(texts).not.toContain('Everyone may object to the processing of their public posts.');
    for (const kept of ['https://example.org/form', 'eu', 'app', 'opt-out', 'object', 'regulator']) expect(texts).not.toContain(kept);
  });
});

describe('localiseTree', () => {
  const german = new Map([
    ['questions.region.prompt', 'Wo wohnst du?'],
    ['questions.region.choices.eu.label', 'Europäische Union'],
    ['verdicts.object.steps.0.text', 'Fülle das Widerspruchsformular aus.'],
  ]);
  const localised = localiseTree(tree, 'de', german);

  it('replaces the texts it has, keeps the English of the others, and says its language', () => {
    expect(localised.lang).toBe('de');
    expect(localised.questions.region!.prompt).toBe('Wo wohnst du?');
    expect(localised.questions.region!.choices[0]).toEqual({ value: 'eu', label: 'Europäische Union', next: 'app' });
    expect(localised.verdicts.object!.steps[0]).toEqual({ text: 'Fülle das Widerspruchsformular aus.', url: 'https://example.org/form', sources: ['law', 'company'] });
    expect(localised.questions.region!.help).toBe(tree.questions.region!.help);
    expect(localised.verdicts.object!.title).toBe('You can object');
  });

  it('keeps the structure: the same keys everywhere, the sources untouched, the English tree unchanged', () => {
    const shape = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(shape) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)])) : typeof value;
    const { lang: _, ...rest } = localised;
    expect(shape(rest)).toEqual(shape(tree));
    expect(localised.sources).toBe(tree.sources);
    expect(tree.questions.region!.prompt).toBe('Where do you live?');
    expect(tree.lang).toBeUndefined();
  });

  it('mapTexts visits every translatable text once, and a visit that changes nothing gives an equal tree', () => {
    let visits = 0;
    expect(mapTexts(tree, (_, text) => (visits++, text))).toEqual(tree);
    expect(visits).toBe(translatableTexts(tree).length);
  });
});
