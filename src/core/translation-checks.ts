// The checks on one translated text against its English, after translate-toolkit's pofilter and
// Mozilla's compare-locales. Errors are things a reader would be misled by (a dropped link, a
// changed number or date, a lost citation marker or placeholder): such a translation is never
// shown, the English is. Warnings are signs of a slip (left in English, a sentence dropped, far
// shorter or longer); an entry may waive them (`waive:`) where the rendering is right as it is.
// Marked interface labels are checked elsewhere (labels.ts): they need the tree's quotes.

export const WAIVABLE = ['unchanged', 'english', 'sentences', 'length'] as const;
export type Waivable = (typeof WAIVABLE)[number];

export interface CheckProblem {
  check: 'urls' | 'dates' | 'markers' | 'placeholders' | 'numbers' | Waivable;
  severity: 'error' | 'warning';
  message: string;
}

export interface CheckOptions {
  /** Checks this entry waives. */
  waive?: readonly Waivable[];
  /** True when the English may stay as it is in this language (a product name on the `keep` list). */
  kept?: boolean;
  /** Placeholders that this form may leave out: `{count}` in the `one` form of a plural. */
  optional?: readonly string[];
}

// Every pattern here takes time linear in the text: catalogues may come from strangers.
const URL = /https?:\/\/[^\s<>"“”„«»]+/g;
const ISO_DATE = /\b\d{4}-\d{2}(?:-\d{2})?\b/g;
const CITATION = /\[\d+\]/g;
const PLACEHOLDER = /\{[a-z][a-z0-9-]*\}/gi;
const DIGITS = /\d+/g;

const all = (text: string, pattern: RegExp) => text.match(pattern) ?? [];
const without = (text: string, ...patterns: RegExp[]) => patterns.reduce((t, p) => t.replace(p, ' '), text);
/** Where a link's own characters end, before the punctuation of the sentence around it (`…/form.`). */
function linkEnd(url: string): number {
  let end = url.length;
  while (end > 0 && ".,;:!?)'’".includes(url[end - 1]!)) end--;
  return end;
}
const links = (text: string) => all(text, URL).map((url) => url.slice(0, linkEnd(url)));
/** The text with each link replaced by a space, the sentence's punctuation after it kept. */
const withoutLinks = (text: string) => text.replace(URL, (url) => ` ${url.slice(linkEnd(url))}`);

/** Items of `a` that `b` lacks, counting repeats: two links in the English need two in the translation. */
function lacking(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  return a.filter((item) => {
    const n = left.get(item) ?? 0;
    left.set(item, n - 1);
    return n <= 0;
  });
}

const quoted = (items: string[]) => [...new Set(items)].join(', ');

/** The same tokens on both sides: what the English has must be there, and nothing more. */
function sameTokens(check: CheckProblem['check'], what: string, english: string[], translation: string[], optional: readonly string[] = []): CheckProblem[] {
  const dropped = lacking(english, translation).filter((t) => !optional.includes(t));
  const added = lacking(translation, english);
  const problems: CheckProblem[] = [];
  if (dropped.length > 0) problems.push({ check, severity: 'error', message: `${what} of the English missing: ${quoted(dropped)}` });
  if (added.length > 0) problems.push({ check, severity: 'error', message: `${what} not in the English: ${quoted(added)}` });
  return problems;
}

// Words frequent in English and absent from German, French, Polish and the like. "in", "an",
// "so", "was", "will" are left out: they are words in German too.
const ENGLISH_WORDS = new Set(['the', 'and', 'you', 'your', 'of', 'to', 'with', 'for', 'this', 'that', 'not', 'are', 'is', 'can', 'be', 'from', 'or', 'it', 'by', 'if', 'they', 'their', 'which', 'only', 'has', 'have']);
/** Quoted words are labels or names, which may stay in English. */
const QUOTED = /"[^"]*"|“[^“”]*”|„[^„“”]*[“”]|«[^«»]*»|‘[^‘’]*’|'[^']*'/g;

/** Whether a text reads as English: several English-only words, making up a good part of it. */
function looksEnglish(text: string): boolean {
  const words = without(withoutLinks(text), QUOTED).toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return english >= 3 && english >= words.length / 5;
}

// Abbreviations whose full stop does not end a sentence, in the languages the tool speaks.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'no', 'art', 'abs', 'nr', 'bzw', 'ca', 'ggf', 'usw', 'vgl', 'inkl', 'evtl', 'sog', 'bspw', 'dr', 'st', 'mr', 'mrs', 'ms']);

const STOPS = /[.!?…]+/g;
/** What may follow a stop that ends a sentence: closing quotes or brackets, then a space and a capital, a digit or an opening quote; or the end. */
const SENTENCE_NEXT = /["'”“»«’)\]]*(?:\s+[\p{Lu}\p{N}"„“«‚(]|\s*$)/uy;

/**
 * Sentences in a text: a full stop, question or exclamation mark (and any closing quote or
 * bracket) before a space and a capital, a digit or an opening quote, or at the end. A stop after
 * an abbreviation, a single letter (z. B.) or a number of one or two digits (27. Mai) ends none.
 */
export function countSentences(text: string): number {
  const plain = withoutLinks(text).trim();
  if (plain === '') return 0;
  let count = 0;
  for (const stop of plain.matchAll(STOPS)) {
    SENTENCE_NEXT.lastIndex = stop.index + stop[0].length;
    if (!SENTENCE_NEXT.test(plain)) continue;
    // The word before the stop; abbreviations are short, so a few characters tell.
    const word = /[\p{L}\p{N}.]*$/u.exec(plain.slice(Math.max(0, stop.index - 12), stop.index))![0].toLowerCase();
    if (stop[0] === '.' && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^\d{1,2}$/.test(word))) continue;
    count++;
  }
  return Math.max(count, 1);
}

/** The checks on one translation (interface label markers replaced by their text). */
export function checkTranslation(english: string, translation: string, options: CheckOptions = {}): CheckProblem[] {
  const waived = new Set(options.waive ?? []);
  const problems: CheckProblem[] = [
    ...sameTokens('urls', 'links', links(english), links(translation)),
    ...sameTokens('dates', 'dates', all(withoutLinks(english), ISO_DATE), all(withoutLinks(translation), ISO_DATE)),
    ...sameTokens('markers', 'citation markers', all(english, CITATION), all(translation, CITATION)),
    ...sameTokens('placeholders', 'placeholders', all(english, PLACEHOLDER), all(translation, PLACEHOLDER), options.optional),
  ];
  const numbers = (text: string) => all(without(withoutLinks(text), ISO_DATE, CITATION, PLACEHOLDER), DIGITS);
  problems.push(...sameTokens('numbers', 'numbers', numbers(english), numbers(translation)));

  const warn = (check: Waivable, message: string) => {
    if (!waived.has(check)) problems.push({ check, severity: 'warning', message });
  };
  if (translation.trim() === english.trim()) {
    if (!options.kept) warn('unchanged', 'the same as the English: translate it, or list the English under `keep` if it stays so in this language');
  } else if (looksEnglish(translation)) {
    warn('english', 'reads as English: translate it (quoted labels may stay in English)');
  }
  const [sentencesEn, sentences] = [countSentences(english), countSentences(translation)];
  if (Math.abs(sentences - sentencesEn) > Math.max(1, Math.round(sentencesEn / 3))) {
    warn('sentences', `${sentences} sentences for the English's ${sentencesEn}: is one missing, or split?`);
  }
  const [lengthEn, length] = [withoutLinks(english).trim().length, withoutLinks(translation).trim().length];
  if (lengthEn >= 30 && (length < lengthEn / 2 || length > lengthEn * 2)) {
    warn('length', `${length} characters for the English's ${lengthEn}: unusually ${length < lengthEn ? 'short' : 'long'}`);
  }
  return problems;
}
