// Checks addresses: each distinct address fetched once (in the Accept-Language of the quotes seen
// there), read once, and every quote seen there looked for in its words.
import type { Address, AddressCheck } from '../core/freshness.js';
import { fetchPage, type FetchedPage, type FetchSettings } from './fetch-page.js';
import { findQuote, normalise } from './find-quote.js';
import { pageText } from './page-text.js';

/** Titles of the pages that bot walls show instead of the page asked for. */
const WALL_TITLE = /^(just a moment|attention required|access denied|are you a robot|robot check|security check|verify(ing)? (that )?you are (a )?human|pardon our interruption)/i;

type Read = { page: FetchedPage; text?: string; title?: string; unreadable?: string };

export async function checkAddresses(addresses: readonly Address[], settings: FetchSettings, onFetched?: (done: number, total: number) => void): Promise<AddressCheck[]> {
  const languages = new Map<string, Set<string>>();
  for (const { url, quotes } of addresses) {
    const seen = languages.get(url) ?? new Set<string>();
    for (const { quote } of quotes) seen.add(quote.lang ?? 'en');
    languages.set(url, seen);
  }
  let done = 0;
  const reads = new Map<string, Promise<Read>>();
  for (const [url, langs] of languages) {
    reads.set(
      url,
      fetchPage(url, acceptLanguage(langs), settings).then((page) => {
        onFetched?.(++done, languages.size);
        return read(page, settings.maxBytes);
      }),
    );
  }
  return Promise.all(addresses.map(async (address) => check(address, await reads.get(address.url)!)));
}

/** The quotes' languages first, then English as a fallback. */
export const acceptLanguage = (langs: ReadonlySet<string>): string => (langs.size === 0 ? 'en' : `${[...langs].join(', ')}${langs.has('en') ? '' : ', en;q=0.5'}`);

function read(page: FetchedPage, maxBytes: number): Read {
  if (page.failure !== undefined || page.httpStatus === undefined || page.httpStatus >= 300) return { page };
  const words = pageText(page, maxBytes);
  return 'unreadable' in words ? { page, unreadable: words.unreadable } : { page, text: normalise(words.text), title: words.title };
}

function check(address: Address, { page, text, title, unreadable }: Read): AddressCheck {
  const checked: AddressCheck = {
    sourceId: address.sourceId,
    url: address.url,
    ...(page.httpStatus !== undefined ? { httpStatus: page.httpStatus } : {}),
    finalUrl: page.finalUrl,
    redirects: page.redirects,
    ...(page.failure !== undefined ? { failure: page.failure } : {}),
    ...(unreadable !== undefined ? { unreadable } : {}),
    quotes: [],
  };
  if (text === undefined) return checked;
  const quotes = address.quotes.map(({ quote, index }) => findQuote(text, quote.text, index));
  // Quotes not found on a bot wall were not looked for on the page itself.
  const wall = quotes.every((q) => q.status === 'found') ? undefined : wallOf(page, text, title ?? '');
  return wall ? { ...checked, wall } : { ...checked, quotes };
}

function wallOf(page: FetchedPage, text: string, title: string): string | undefined {
  if (page.challenged) return 'a bot challenge';
  if (text === '') return 'no text on the page';
  return WALL_TITLE.test(title) ? `a bot wall ("${title}")` : undefined;
}
