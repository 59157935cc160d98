// Catalogues read and reviewed as `validate`, the build and a run read them: the fixture's German
// catalogue is clean, and each check catches its broken copy, at the entry's line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLocated } from '../../src/errors.js';
import { parseCatalogue, treeSubject, wordsSubject } from '../../src/load/catalogue-file.js';
import { hashText } from '../../src/load/text-hash.js';
import { ENGLISH } from '../../src/words.js';
import { fixture, ROOT } from '../helpers.js';

const FILE = 'tests/fixtures/objection.de.yaml';
const GOOD = readFileSync(`${ROOT}${FILE}`, 'utf8');
const tree = fixture('objection.yaml');
const review = (source: string, file = FILE) => parseCatalogue(source, file, treeSubject(tree));
const problems = (source: string) => review(source).problems.map(formatLocated);
/** The catalogue with one entry's text (or hash) changed. */
const broken = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`not in the fixture: ${from}`);
  return GOOD.replace(from, to);
};
const lineOf = (text: string) => GOOD.slice(0, GOOD.indexOf(text)).split('\n').length;

describe('the fixture catalogue', () => {
  it('translates every text of its tree but Facebook, which it keeps, and passes every check', () => {
    const { value, problems } = review(GOOD);
    expect(problems).toEqual([]);
    expect(value!.strings.size).toBe(19);
    expect(value!.catalogue.keep).toEqual(['Facebook']);
    expect(value!.strings.get('verdicts.object.steps.1.text')).toBe('Beantworte [[Bezieht sich deine Anfrage auf KI bei Meta?]] mit [[Ja]] und tippe dann auf [[Senden]].');
  });
});

describe('each check catches a broken catalogue, at the entry', () => {
  const summary = 'verdicts.object.summary:\n';
  it('a changed number', () => {
    expect(problems(broken('Seit dem 27. Mai 2025', 'Seit dem 28. Mai 2025'))).toEqual([
      `${FILE}:${lineOf(summary) + 1}:5: strings.verdicts.object.summary: numbers: numbers of the English missing: 27`,
      `${FILE}:${lineOf(summary) + 1}:5: strings.verdicts.object.summary: numbers: numbers not in the English: 28`,
    ]);
  });

  it('a stale hash: the English changed since the translation', () => {
    const stale = review(broken(`hash: ${hashText('Where do you live?')}`, `hash: ${hashText('Where do you live now?')}`));
    expect(stale.problems.map(formatLocated)).toEqual([
      `${FILE}:${lineOf('questions.region.prompt:') + 1}:5: warning: strings.questions.region.prompt: stale: the English has changed since this was translated (its hash is now ${hashText('Where do you live?')}); shown in English until the translation and its hash are updated`,
    ]);
    expect(stale.value!.strings.has('questions.region.prompt')).toBe(false);
  });

  it('a label not found in any cited quote: "Info" is only in "Informationen", "Jahre" only in "Jahren"', () => {
    const found = problems(broken('und tippe auf [[Widerspruchsrecht]].', 'und tippe auf [[Widerspruchsrecht]] unter [[Info]] ([[Jahre]]).'));
    expect(found).toEqual([
      expect.stringContaining('strings.verdicts.object.steps.0.text: labels: the interface label [[Info]] is not found verbatim, as whole words, in a quote in de of the sources cited here (guide-de, notice-de)'),
      expect.stringContaining('the interface label [[Jahre]] is not found verbatim'),
    ]);
  });

  it('a label in a text that cites only English sources', () => {
    expect(problems(broken('text: Ein Widerspruch nach dem 27. Mai 2025', 'text: Ein [[Widerspruch]] nach dem 27. Mai 2025'))).toEqual([
      expect.stringContaining('strings.verdicts.object.caveats.0.text: labels: the interface label [[Widerspruch]] is not found verbatim, as whole words, in a quote in de of the sources cited here (law)'),
    ]);
  });

  it('a dropped URL, where the English text has one', () => {
    const withUrl = { ...tree, verdicts: { ...tree.verdicts, 'no-opt-out': { ...tree.verdicts['no-opt-out']!, summary: 'There is no objection route where you live: https://example.org/law.' } } };
    const hash = hashText('There is no objection route where you live: https://example.org/law.');
    const source = broken(`hash: ${hashText('There is no objection route where you live.')}`, `hash: ${hash}`);
    expect(parseCatalogue(source, FILE, treeSubject(withUrl)).problems.map((p) => p.message)).toEqual(['urls: links of the English missing: https://example.org/law']);
  });

  it('a text not translated yet, and an entry whose English is gone', () => {
    const gone = `  verdicts.no-opt-out.steps.9.text:\n    hash: ${hashText('A step since removed.')}`;
    const found = problems(broken('text: Wo wohnst du?', "text: ''").replace(`  verdicts.no-opt-out.steps.0.text:\n    hash: ${hashText('Make your posts private.')}`, gone));
    expect(found).toEqual([
      // A text with no entry at all is found where the entries start.
      expect.stringMatching(/:9:3: warning: strings.verdicts.no-opt-out.steps.0.text: not translated yet \(English hash c9f2d80b6143\)/),
      expect.stringMatching(/:\d+:5: warning: strings.questions.region.prompt: not translated yet \(English hash 8a38c81b4638\); shown in English$/),
      expect.stringMatching(/:\d+:5: warning: strings.verdicts.no-opt-out.steps.9.text: unused: no text has this key or hash any more/),
    ]);
  });

  it('a catalogue that says another language than its file name, or has reserved keys', () => {
    expect(problems(broken('lang: de', 'lang: fr'))).toEqual([`${FILE}:4:7: lang: lang "fr" must match the file name, which says de`]);
    expect(problems(`${GOOD}  constructor:\n    hash: 000000000000\n    text: x\n`)).toEqual([
      expect.stringContaining('strings.constructor: "constructor" cannot be used as a key here'),
    ]);
  });

  it('a translation of a tree not written in English', () => {
    expect(parseCatalogue(GOOD, FILE, treeSubject({ ...tree, lang: 'fr' })).problems.map((p) => p.message)).toEqual(['its tree is in fr: translations are made from English trees only']);
  });
});

describe("the tool's own words", () => {
  it('the shipped German catalogue is complete and clean', () => {
    const { value, problems } = parseCatalogue(readFileSync(`${ROOT}locales/de.yaml`, 'utf8'), 'locales/de.yaml', wordsSubject());
    expect(problems.map(formatLocated)).toEqual([]);
    // Every word is translated, or kept as it is on the catalogue's list (German says "Plan" too).
    const kept = new Set(value!.catalogue.keep);
    expect([...value!.strings.keys()].sort()).toEqual(Object.keys(ENGLISH).filter((key) => !kept.has(ENGLISH[key as keyof typeof ENGLISH] as string)).sort());
    expect(value!.catalogue.keep).toEqual(['Plan: {title}']);
  });

  it('a word that counts needs the plural forms of the language, and no label marker', () => {
    const entries = (text: string) =>
      `lang: pl\nstrings:\n  language.texts-in-english:\n    hash: ${hashText(ENGLISH['language.texts-in-english'])}\n    text: ${text}\n  label:\n    hash: ${hashText(ENGLISH.label)}\n    text: '„[[{label}]]”'\n`;
    const found = parseCatalogue(entries('{ one: "{count} tekst ({file})", other: "{count} tekstów ({file})" }'), 'locales/pl.yaml', wordsSubject()).problems.map((p) => p.message);
    expect(found).toEqual(expect.arrayContaining([
      'plural form "few" missing: pl uses few, many, one, other',
      'plural form "many" missing: pl uses few, many, one, other',
      '[[{label}]] is in quotation marks: leave them out, a marked label is shown quoted',
      'interface labels ([[…]]) are marked in tree translations only',
    ]));
    expect(parseCatalogue(entries('just one'), 'locales/pl.yaml', wordsSubject()).problems.map((p) => p.message)).toContain('this word counts: give its plural forms (few, many, one, other)');
  });
});
