// Interface labels: found verbatim, as whole words, in a quote in the translation's language of a
// cited source; a bare substring would find "Info" in "Informationen" and "Ja" in "Jahre".
import { describe, expect, it } from 'vitest';
import { labelFinder, markedLabels, markerProblems, occursIn, showLabels } from '../../src/core/labels.js';
import type { Source } from '../../src/core/schema.js';

// Passages as the research notes (issue 16) found them in the tree's German sources.
const BREMEN = '7 "Einstellungen und Privatsphäre"\n"Einstellungen und Privatsphäre" auf Profilseite öffnen\n8 "Einstellungen"\n12 Frage beantworten\n"Bezieht sich deine Anfrage auf KI bei Meta?" mit "ja" beantworten.';
const NOTICE = 'Wir möchten dich darüber informieren, dass wir Informationen wie öffentliche Beiträge und Kommentare von Konten von Personen ab 18 Jahren verwenden.';
const HAGEN = 'Alle … können nur noch KI-Einzelchats löschen, erklärt Meta im Whatsapp-Hilfebereich.';
const HELP = '2. Wähle Einstellungen und Privatsphäre aus und klicke dann auf Einstellungen.';

describe('occursIn', () => {
  it.each([
    ['Einstellungen und Privatsphäre', BREMEN, true],
    ['Bezieht sich deine Anfrage auf KI bei Meta?', BREMEN, true],
    ['Einstellungen', HELP, true],
    ['Info', NOTICE, false],
    ['Ja', NOTICE, false],
    ['Ja', BREMEN, false],
    ['ja', BREMEN, true],
    ['Hilfebereich', HAGEN, false],
    ['Whatsapp-Hilfebereich', HAGEN, true],
    ['Privatsphäre', HELP, true],
    ['KI bei Meta', BREMEN, true],
    ['Meta?', BREMEN, true],
  ])('%j in the passage: %s', (label, passage, found) => {
    expect(occursIn(label, passage)).toBe(found);
  });
});

describe('markers', () => {
  it('are read, and shown without a trace of their syntax', () => {
    const text = 'Öffne [[Einstellungen]], dann [[Widerspruchsrecht]].';
    expect(markedLabels(text)).toEqual(['Einstellungen', 'Widerspruchsrecht']);
    expect(showLabels(text, (label) => `„${label}“`)).toBe('Öffne „Einstellungen“, dann „Widerspruchsrecht“.');
    expect(markerProblems(text)).toEqual([]);
  });

  it.each([
    ['Öffne [[Einstellungen].', 'an interface label marker is not closed: write [[label]]'],
    ['Öffne Einstellungen]].', 'an interface label marker is not closed: write [[label]]'],
    ['Öffne [[ ]].', 'an interface label marker is empty: write [[label]]'],
    ['Öffne [[ Einstellungen]].', 'the interface label [[ Einstellungen]] starts or ends with a space'],
    ['Öffne „[[Einstellungen]]“.', '[[Einstellungen]] is in quotation marks: leave them out, a marked label is shown quoted'],
  ])('%j is refused', (text, problem) => {
    expect(markerProblems(text)).toEqual([problem]);
  });
});

describe('labelFinder', () => {
  const source = (text: string, lang?: string): Source => ({ title: 't', publisher: 'p', published: 'undated', kind: 'press', quotes: [{ text, ...(lang ? { lang } : {}) }] });
  const sources = { bremen: source(BREMEN, 'de'), notice: source(NOTICE, 'de'), swiss: source('Den Bereich «Datenschutzrichtlinie» anwählen.', 'de-CH'), english: source('Tap "Einstellungen" (sic).') };
  const find = labelFinder(sources, 'de');

  it('finds each label in a cited quote of the language, de-CH serving de', () => {
    expect(find('Einstellungen und Privatsphäre', ['bremen', 'swiss'])).toBe(true);
    expect(find('Datenschutzrichtlinie', ['bremen', 'swiss'])).toBe(true);
  });

  it('does not find a label that no cited source gives, however close', () => {
    expect([find('Info', ['notice']), find('Ja', ['notice']), find('Einstellungen und Privatsphäre', ['notice'])]).toEqual([false, false, false]);
  });

  it('takes no label from a quote in another language, nor across two passages', () => {
    expect(find('Einstellungen', ['english'])).toBe(false);
    expect(find('verwenden. Den Bereich', ['notice', 'swiss'])).toBe(false);
  });

  it('lets a text that cites nothing (a question) take its labels from any source of the tree', () => {
    expect(find('Einstellungen', undefined)).toBe(true);
  });

  it('stops at its work limit, and then says it did not check', () => {
    const limited = labelFinder(sources, 'de', BREMEN.length + 10);
    expect(limited('Einstellungen', ['bremen'])).toBe(true);
    expect(limited('Einstellungen', ['bremen'])).toBe(true);
    expect(limited('Privatsphäre', ['bremen'])).toBeUndefined();
  });
});
