// A source in one line, as the verdict's --explain, the text plan and the Markdown plan list it.
import type { Source } from '../core/schema.js';
import type { Words } from '../words.js';

/**
 * Publisher, title, date, kind and address. `note` is for reviewers (it stays in --json); readers
 * get the address or are told there is none. `escape` and `address`: what Markdown does to the
 * tree's text and to a link (nothing in plain text).
 */
export const sourceLine = (source: Source, words: Words, escape = (text: string) => text, address = (url: string) => url): string =>
  words.say('sources.line', {
    publisher: escape(source.publisher),
    title: escape(source.title),
    published: source.published === 'undated' ? words.say('sources.undated') : escape(source.published),
    kind: words.say(`sources.kind.${source.kind}`),
    address: source.url ? address(source.url) : words.say('sources.no-address'),
  });
