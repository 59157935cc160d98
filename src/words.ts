// The tool's own words, in English: the source of truth that every catalogue in locales/
// translates (README, "Translating a tree, or adding a language"). A word is a string with {name}
// placeholders, or for a word that counts, one string per plural category ({count} picks the
// category, by Intl.PluralRules).
// Code says `words.say('key', { name: value })`; `words` is ENGLISH_WORDS or a language's, from
// load/language.ts.
import type { Message, PluralCategory } from './core/catalogue.js';

export const ENGLISH = {
  /** How a marked interface label ([[…]] in a tree's translation) is shown. */
  label: '"{label}"',
  'language.tree-in-english': 'note: "{tree}" is not translated into this language yet, so it is shown in English.',
  'language.texts-in-english': {
    one: 'note: {count} text of this tree is shown in English: its translation is missing, out of date or failed a check (optout-check validate {file} says which).',
    other: 'note: {count} texts of this tree are shown in English: their translation is missing, out of date or failed a check (optout-check validate {file} says which).',
  },
} satisfies Record<string, Message>;

export type WordKey = keyof typeof ENGLISH;

export interface Words {
  readonly lang: string;
  /** The word `key`, its {name} placeholders filled from `values`; `count` also picks the plural form. */
  say(key: WordKey, values?: Readonly<Record<string, string | number>>): string;
}

/** `messages` must hold every word (a built catalogue does: the build refuses one with gaps). */
export function wordsIn(lang: string, messages: Readonly<Record<WordKey, Message>>): Words {
  let rules: Intl.PluralRules | undefined;
  return {
    lang,
    say(key, values = {}) {
      const message = messages[key];
      const form = (): string => {
        if (typeof message === 'string') return message;
        rules ??= new Intl.PluralRules(lang);
        const category = rules.select(Number(values.count ?? 0)) as PluralCategory;
        return (message[category] ?? message.other)!;
      };
      return form().replace(/\{([a-z][a-z0-9-]*)\}/gi, (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
    },
  };
}

export const ENGLISH_WORDS: Words = wordsIn('en', ENGLISH);
