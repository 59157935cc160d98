// A catalogue reviewed against the English it translates: which translations can be shown, and
// every problem, for the build (which refuses a built-in catalogue with any), for `validate`, and
// for the translators' tool. A translation that is missing, stale or fails a check that matters
// is left out, so the English is shown in its place.
import { englishText, matchCatalogue, PLURAL_CATEGORIES, type Catalogue, type HashedText, type Message, type PluralCategory } from './catalogue.js';
import { labelFinder, LABEL_WORK_LIMIT, markedLabels, markerProblems, showLabels } from './labels.js';
import type { Source } from './schema.js';
import { checkTranslation, type CheckOptions } from './translation-checks.js';

export interface ReviewText extends HashedText {
  /** The sources whose quotes may give this text's interface labels (translatable.ts). */
  cites?: readonly string[];
}

export interface TranslationProblem {
  /** The catalogue key the problem is found at (the entry's, or the text's when it has none). */
  key: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface Review {
  /** The translations that may be shown, by text key; interface labels still marked. */
  strings: Map<string, Message>;
  problems: TranslationProblem[];
}

/**
 * `sources`: the tree's sources, whose quotes back marked interface labels; absent for the tool's
 * own words, where no label may be marked.
 */
export function reviewCatalogue(texts: readonly ReviewText[], catalogue: Catalogue, sources?: Readonly<Record<string, Source>>): Review {
  const { matches, unused } = matchCatalogue(texts, catalogue);
  const strings = new Map<string, Message>();
  const problems: TranslationProblem[] = [];
  const keep = new Set(catalogue.keep ?? []);
  const findLabel = sources && labelFinder(sources, catalogue.lang);
  for (const match of matches) {
    const { key, hash } = match.text;
    if (match.status === 'kept') continue;
    if (match.status === 'missing') {
      problems.push({ key, severity: 'warning', message: `not translated yet (English hash ${hash}); shown in English` });
      continue;
    }
    if (match.status === 'stale') {
      problems.push({
        key,
        severity: 'warning',
        message: `stale: the English has changed since this was translated (its hash is now ${hash}); shown in English until the translation and its hash are updated`,
      });
      continue;
    }
    const at = match.movedFrom ?? key;
    const found = checkEntry(match.text as ReviewText, match.entry.text, catalogue.lang, {
      waive: match.entry.waive,
      kept: typeof match.text.english === 'string' && keep.has(match.text.english),
    }, findLabel);
    problems.push(...found.map((message) => ({ key: at, ...message })));
    if (found.every((p) => p.severity === 'warning')) strings.set(key, match.entry.text);
  }
  for (const key of unused) problems.push({ key, severity: 'warning', message: 'unused: no text has this key or hash any more (its English is gone); delete it, or reuse its translation' });
  return { strings, problems };
}

const plural = (lang: string): readonly string[] => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

type Found = Omit<TranslationProblem, 'key'>;

type FindLabel = ReturnType<typeof labelFinder>;

function checkEntry(text: ReviewText, translation: Message, lang: string, options: CheckOptions, findLabel?: FindLabel): Found[] {
  const { english } = text;
  if (typeof english === 'string') {
    if (typeof translation !== 'string') return [{ severity: 'error', message: 'this text has no plural forms: give one translation' }];
    return checkString(english, translation, lang, text.cites, options, findLabel);
  }
  if (typeof translation === 'string') return [{ severity: 'error', message: `this word counts: give its plural forms (${plural(lang).join(', ')})` }];
  const needed = plural(lang) as PluralCategory[];
  const problems: Found[] = needed
    .filter((category) => !translation[category]?.trim())
    .map((category) => ({ severity: 'error' as const, message: `plural form "${category}" missing: ${lang} uses ${needed.join(', ')}` }));
  for (const category of PLURAL_CATEGORIES) {
    const form = translation[category];
    if (form === undefined || !needed.includes(category)) {
      if (form !== undefined) problems.push({ severity: 'warning', message: `plural form "${category}" is never used in ${lang}` });
      continue;
    }
    // Each form against the English form of its category, else the English `other`; any form
    // but `other` may leave the count out ("ein Text").
    const source = english[category] ?? english.other ?? englishText(english);
    const optional = category === 'other' ? [] : ['{count}'];
    problems.push(...checkString(source, form, lang, undefined, { ...options, optional }, undefined).map((p) => ({ ...p, message: `${category}: ${p.message}` })));
  }
  return problems;
}

function checkString(english: string, translation: string, lang: string, cites: readonly string[] | undefined, options: CheckOptions, findLabel?: FindLabel): Found[] {
  const problems: Found[] = markerProblems(translation).map((message) => ({ severity: 'error', message }));
  if (!findLabel && markedLabels(translation).length > 0) {
    problems.push({ severity: 'error', message: 'interface labels ([[…]]) are marked in tree translations only' });
  }
  problems.push(...checkTranslation(english, showLabels(translation, (label) => label), options).map(({ severity, message, check }) => ({ severity, message: `${check}: ${message}` })));
  for (const label of findLabel ? markedLabels(translation).filter((l) => l.trim() !== '') : []) {
    const found = findLabel!(label, cites);
    if (found === undefined) {
      problems.push({ severity: 'error', message: `labels: [[${label}]] is not checked: this catalogue's labels need more than ${LABEL_WORK_LIMIT} characters of quotes read` });
    } else if (!found) {
      const where = cites ? `the sources cited here (${[...new Set(cites)].join(', ')})` : "the tree's sources";
      problems.push({
        severity: 'error',
        message: `labels: the interface label [[${label}]] is not found verbatim, as whole words, in a quote in ${lang} of ${where}; where no source in ${lang} gives a label, write the English one in quotes, unmarked`,
      });
    }
  }
  return problems;
}
