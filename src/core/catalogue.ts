// The catalogue format, one for a tree's texts (trees/<id>.<lang>.yaml) and for the tool's own
// words (locales/<lang>.yaml): each entry keyed by where its English is, holding the translation
// and a hash of the English it was made from, as docassemble's translation tables do. A changed
// English is caught as stale, and its translation is not shown; nothing is shown out of date.
//
// Keys: the text's place (`verdicts.object.steps.0.text`, or a word's name). Lookup is by key,
// then by hash: when a step is inserted, the later steps' entries are found by their hash under
// their old keys, so nothing goes stale that did not change (`npm run i18n -- update` moves them
// to their new keys). A key whose English changed keeps its old translation and is reported as
// stale, beside the new English, which keying by hash alone could not tell from a new text.
import * as v from 'valibot';
import { LANG_TAG } from './schema.js';
import { WAIVABLE } from './translation-checks.js';

/** A translated text: a string, or for a word that counts, one string per plural category. */
export type Message = string | Readonly<Partial<Record<PluralCategory, string>>>;
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const HASH = /^[0-9a-f]{12}$/;

const Entry = v.strictObject({
  hash: v.pipe(v.string(), v.regex(HASH, 'hash must be 12 hexadecimal digits, from `npm run i18n -- update`')),
  text: v.pipe(
    v.union(
      [v.string(), v.record(v.picklist(PLURAL_CATEGORIES), v.string())],
      'text must be the translation, or for a plural, a mapping of plural categories (one, other…) to translations',
    ),
    v.description("The translation. Empty ('') while not translated yet."),
  ),
  waive: v.optional(v.array(v.picklist(WAIVABLE, `waive takes ${WAIVABLE.join(', ')}`))),
  note: v.optional(v.string()),
});

export const CatalogueSchema = v.strictObject({
  lang: v.pipe(v.string(), v.regex(LANG_TAG, 'lang must be a language tag such as de or pt-BR')),
  keep: v.optional(v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty')))),
  strings: v.record(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]*$/, 'keys are paths such as verdicts.object.steps.0.text')), Entry),
});

export type Catalogue = v.InferOutput<typeof CatalogueSchema>;
export type Entry = v.InferOutput<typeof Entry>;

/** A text to translate, with the hash of its English (12 hex digits of its SHA-256, load/text-hash.ts). */
export interface HashedText {
  key: string;
  /** The English: a string, or the forms of a plural word. */
  english: Message;
  hash: string;
}

/** One text's state in a catalogue. */
export type Match =
  | { status: 'fresh'; text: HashedText; entry: Entry; /** The entry's key, when found by hash under another. */ movedFrom?: string }
  | { status: 'kept'; text: HashedText }
  | { status: 'stale'; text: HashedText; entry: Entry }
  | { status: 'missing'; text: HashedText; /** An entry exists, waiting for its translation. */ todo?: true };

/** The English of a message as one string: what is hashed, and what translators are shown. */
export const englishText = (message: Message): string =>
  typeof message === 'string' ? message : Object.entries(message).map(([category, form]) => `${category}: ${form}`).join('\n');

const isEmpty = (message: Message) => (typeof message === 'string' ? message.trim() === '' : Object.values(message).every((form) => form!.trim() === ''));

/**
 * Each text's state, in the texts' order, and the keys of entries that no text uses (their
 * English is gone). An entry at a text's key with another hash is stale for that text, unless
 * another text claims it by hash (then it was moved, and this text is missing).
 */
export function matchCatalogue(texts: readonly HashedText[], catalogue: Catalogue): { matches: Match[]; unused: string[] } {
  const entries = new Map(Object.entries(catalogue.strings));
  const byHash = new Map<string, string>();
  for (const [key, entry] of entries) if (!byHash.has(entry.hash) && !isEmpty(entry.text)) byHash.set(entry.hash, key);
  const current = new Set(texts.map((t) => t.hash));
  const keep = new Set(catalogue.keep ?? []);
  const used = new Set<string>();
  const matches = texts.map((text): Match => {
    const own = entries.get(text.key);
    if (own && own.hash === text.hash && !isEmpty(own.text)) {
      used.add(text.key);
      return { status: 'fresh', text, entry: own };
    }
    const other = byHash.get(text.hash);
    if (other !== undefined) {
      used.add(other);
      return { status: 'fresh', text, entry: entries.get(other)!, movedFrom: other };
    }
    // An entry for this text, or one left over from an older English that no text has now.
    const mine = own && (own.hash === text.hash || !current.has(own.hash));
    if (mine) used.add(text.key);
    if (typeof text.english === 'string' && keep.has(text.english)) return { status: 'kept', text };
    if (mine && own.hash === text.hash) return { status: 'missing', text, todo: true };
    if (mine) return isEmpty(own.text) ? { status: 'missing', text, todo: true } : { status: 'stale', text, entry: own };
    return { status: 'missing', text };
  });
  return { matches, unused: [...entries.keys()].filter((key) => !used.has(key)) };
}
