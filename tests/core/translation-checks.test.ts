// Each check catches the slip it is for, on a broken rendering of a real-looking text, and stays
// quiet on a good one.
import { describe, expect, it } from 'vitest';
import { checkTranslation, countSentences } from '../../src/core/translation-checks.js';

const ENGLISH = 'Since 27 May 2025 (2025-05-27), Meta uses public posts [1]. Object at https://example.org/form?id=12 before 26 June; it takes 2 minutes.';
const GERMAN = 'Seit dem 27. Mai 2025 (2025-05-27) nutzt Meta öffentliche Beiträge [1]. Widersprich unter https://example.org/form?id=12 vor dem 26. Juni; es dauert 2 Minuten.';
const checks = (translation: string, english = ENGLISH) => checkTranslation(english, translation).map((p) => `${p.severity} ${p.check}: ${p.message}`);

describe('checkTranslation', () => {
  it('passes a faithful translation', () => {
    expect(checks(GERMAN)).toEqual([]);
  });

  it.each([
    ['a dropped URL', GERMAN.replace(' unter https://example.org/form?id=12', ''), ['error urls: links of the English missing: https://example.org/form?id=12']],
    ['a changed URL', GERMAN.replace('id=12', 'id=13'), ['error urls: links of the English missing: https://example.org/form?id=12', 'error urls: links not in the English: https://example.org/form?id=13']],
    ['a changed number', GERMAN.replace('2 Minuten', '3 Minuten'), ['error numbers: numbers of the English missing: 2', 'error numbers: numbers not in the English: 3']],
    ['a changed date', GERMAN.replace('2025-05-27', '2025-05-28'), ['error dates: dates of the English missing: 2025-05-27', 'error dates: dates not in the English: 2025-05-28']],
    ['a written-out date with another day', GERMAN.replace('26. Juni', '25. Juni'), ['error numbers: numbers of the English missing: 26', 'error numbers: numbers not in the English: 25']],
    ['a dropped citation marker', GERMAN.replace(' [1]', ''), ['error markers: citation markers of the English missing: [1]']],
  ])('catches %s', (_, broken, expected) => {
    expect(checks(broken)).toEqual(expected);
  });

  it('reads a number written in the translation’s own way as the same number', () => {
    expect(checks('Mehr als 1.000 Konten, 2,5 % davon.', 'More than 1,000 accounts, 2.5% of them.')).toEqual([]);
  });

  it('keeps {placeholders}, except those a plural form may leave out', () => {
    expect(checks('Hinweis: Texte auf Englisch.', 'note: {count} texts in English ({file}).')).toEqual([
      'error placeholders: placeholders of the English missing: {count}, {file}',
    ]);
    expect(checkTranslation('{count} text ({file})', 'Ein Text ({file})', { optional: ['{count}'] })).toEqual([]);
    expect(checks('{count} Texte ({datei})', '{count} texts ({file})')).toEqual([
      'error placeholders: placeholders of the English missing: {file}',
      'error placeholders: placeholders not in the English: {datei}',
    ]);
  });

  it('warns of a text left in English, unless it is kept so, or quotes an English label', () => {
    expect(checks(ENGLISH)).toEqual(['warning unchanged: the same as the English: translate it, or list the English under `keep` if it stays so in this language']);
    expect(checkTranslation('Facebook', 'Facebook', { kept: true })).toEqual([]);
    const halfDone = 'Seit dem 27. Mai 2025 (2025-05-27) nutzt Meta public posts [1]. You can object at https://example.org/form?id=12 before 26 June; it takes only 2 minutes of your time.';
    expect(checks(halfDone)).toEqual(['warning english: reads as English: translate it (quoted labels may stay in English)']);
    expect(checks('Tippe auf „Information you have shared on Meta Products and the things you can do“.', "Tap 'Information you have shared on Meta Products and the things you can do'.")).toEqual([]);
  });

  it('warns of a sentence dropped or added, and of a rendering far shorter or longer', () => {
    expect(checks('Seit dem 27. Mai 2025 (2025-05-27) nutzt Meta öffentliche Beiträge [1], widersprich unter https://example.org/form?id=12 vor dem 26. Juni, in 2 Minuten. Dann warte. Dann prüfe die E-Mail. Fertig.')).toEqual([
      'warning sentences: 4 sentences for the English\'s 2: is one missing, or split?',
    ]);
    expect(checks('Ab 27. Mai 2025 (2025-05-27) [1]: https://example.org/form?id=12, 26. Juni, 2 Min.')).toEqual([
      "warning length: 53 characters for the English's 107: unusually short",
    ]);
    expect(checkTranslation('Tap Submit, then wait for the confirmation email.', 'Tippe auf Senden und warte dann auf die Bestätigungs-E-Mail, die Meta dir schickt, sobald dein Widerspruch eingegangen ist und bearbeitet wurde, was dauern kann.').map((p) => p.check)).toEqual(['length']);
  });

  it('lets an entry waive the warnings, never the errors', () => {
    const waive = ['unchanged', 'english', 'sentences', 'length'] as const;
    expect(checkTranslation(ENGLISH, ENGLISH, { waive })).toEqual([]);
    expect(checkTranslation(ENGLISH, GERMAN.replace('2 Minuten', '3 Minuten'), { waive }).map((p) => p.check)).toEqual(['numbers', 'numbers']);
  });
});

describe('countSentences', () => {
  it.each([
    ['Open Settings. Tap Submit.', 2],
    ['Seit dem 27. Mai 2025 gilt das. Danach nicht.', 2],
    ['Das gilt z. B. für Fotos, d. h. für alles.', 1],
    ['Tap „Widerspruchsrecht“. Dann „Ja“.', 2],
    ['Was ist das? Ein Test! Ende', 2],
    ['See https://example.org/a.b. Then go.', 2],
    ['Art. 21 DSGVO gilt, vgl. Abs. 2.', 1],
    ['', 0],
    ['Where do you live', 1],
  ])('%j has %i', (text, n) => {
    expect(countSentences(text)).toBe(n);
  });
});

describe('a hostile text', () => {
  // Each of these makes a backtracking pattern quadratic: a run that almost matches, many times.
  // The checks must finish in one pass (the test would time out otherwise), and say something sane.
  it.each([
    ['a link of dots', `http://${'.'.repeat(200_000)}x`, 0],
    ['many unclosed quotes', '„'.repeat(200_000), 1],
    ['many links', 'http://'.repeat(30_000), 0],
    ['stops without a sentence after them', `${'.'.repeat(200_000)}x`, 1],
    ['dotted words', 'a.'.repeat(100_000), 1],
  ])('%s is checked in linear time', (_, text, sentences) => {
    expect(checkTranslation(text, `${text} `).map((p) => p.check)).toEqual(['unchanged']);
    expect(countSentences(text)).toBe(sentences);
  });
});
