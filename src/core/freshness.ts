// Whether a tree's sources still say what it quotes: which web addresses each source is checked
// at, what each check found, and how long ago a source was last confirmed. Pure: the fetching is
// in web/, the command in commands/sources-check.ts.
import type { Quote, Tree } from './schema.js';
import type { TreeProblem } from './tree-problem.js';

/** What a check of one address found, worst first. */
export const SOURCE_STATUSES = ['gone', 'quote-missing', 'quote-changed', 'moved', 'unreachable', 'blocked', 'not-checked', 'ok'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** What a person must look at. `blocked` and `not-checked` are warnings: a person may look by hand. */
export const NEEDS_PERSON: ReadonlySet<SourceStatus> = new Set(['gone', 'quote-missing', 'quote-changed', 'moved', 'unreachable']);

export type QuoteStatus = 'found' | 'changed' | 'missing';

/** A piece of the difference between a quote and the page's words. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export interface QuoteCheck {
  /** The quote's index in its source's `quotes`. */
  index: number;
  status: QuoteStatus;
  /** For `changed`: how alike the quote and the page's nearest words are, from 0 to 1. */
  similarity?: number;
  /** For `changed`: the page's nearest words, and how they differ from the quote. */
  now?: string;
  difference?: DiffPart[];
}

export interface Redirect {
  status: number;
  to: string;
}

/** One address of one source, as fetched and read. */
export interface AddressCheck {
  sourceId: string;
  url: string;
  /** The last HTTP status, when a response came. */
  httpStatus?: number;
  /** Where the redirects led; the url itself when there were none. */
  finalUrl: string;
  redirects: Redirect[];
  /** Why no response could be used: DNS, TLS, a timeout, a redirect loop. */
  failure?: string;
  /** Why a response could not be read: a PDF, another kind of file, over the size cap. */
  unreadable?: string;
  /** Why the page, where a quote was not found, looks like a bot wall (or holds no text); its quotes are then not reported. */
  wall?: string;
  quotes: QuoteCheck[];
  /** With --archive, for a gone page or a missing quote: the Wayback Machine's closest snapshot. */
  archive?: string;
}

/** The address a quote's `seen` starts with, when it starts with one (`https://… (copy)`). */
const seenUrl = (quote: Quote): string | undefined => /^https?:\/\/\S+/.exec(quote.seen ?? '')?.[0];

/** A web address to check for one source, with the quotes that were seen there. */
export interface Address {
  sourceId: string;
  url: string;
  quotes: { index: number; quote: Quote }[];
}

/**
 * Every address to check, source by source: the source's `url` with the quotes seen there (those
 * without `seen`), then each other address a quote was seen at. A quote seen somewhere that is not
 * a web address (a file, a dossier) has no address, and its source cannot be confirmed.
 */
export function addressesOf(tree: Tree): Address[] {
  const addresses: Address[] = [];
  for (const [sourceId, source] of Object.entries(tree.sources)) {
    const byUrl = new Map<string, Address>();
    const at = (url: string): Address => {
      let address = byUrl.get(url);
      if (!address) byUrl.set(url, (address = { sourceId, url, quotes: [] }));
      return address;
    };
    if (source.url) at(source.url);
    source.quotes?.forEach((quote, index) => {
      const url = quote.seen === undefined ? source.url : seenUrl(quote);
      if (url) at(url).quotes.push({ index, quote });
    });
    addresses.push(...byUrl.values());
  }
  return addresses;
}

/** The ids of the sources that have no web address at all, so cannot be checked. */
export const unaddressedSources = (tree: Tree, addresses: readonly Address[]): string[] => {
  const addressed = new Set(addresses.map((a) => a.sourceId));
  return Object.keys(tree.sources).filter((id) => !addressed.has(id));
};

/**
 * The address the leading permanent redirects (301, 308) lead to, when it differs from the url:
 * what the tree should cite instead. A temporary redirect first means the url is still the one to cite.
 */
export function movedTo(check: AddressCheck): string | undefined {
  let target: string | undefined;
  for (const redirect of check.redirects) {
    if (redirect.status !== 301 && redirect.status !== 308) break;
    target = redirect.to;
  }
  return target !== undefined && target !== check.url ? target : undefined;
}

export function statusOf(check: AddressCheck): SourceStatus {
  if (check.failure !== undefined || check.httpStatus === undefined) return 'unreachable';
  const http = check.httpStatus;
  if (http === 404 || http === 410) return 'gone';
  if (http >= 500) return 'unreachable';
  // 401, 403, 429, 451 and other refusals: often a bot wall, which a person in a browser passes.
  if (http >= 400) return 'blocked';
  if (check.unreadable !== undefined) return 'not-checked';
  if (check.wall !== undefined) return 'blocked';
  if (check.quotes.some((q) => q.status === 'missing')) return 'quote-missing';
  if (check.quotes.some((q) => q.status === 'changed')) return 'quote-changed';
  return movedTo(check) ? 'moved' : 'ok';
}

/** The checks by status, worst first, in tree order within a status; only statuses that occur. */
export function byStatus(checks: readonly AddressCheck[]): [SourceStatus, AddressCheck[]][] {
  const groups = new Map<SourceStatus, AddressCheck[]>(SOURCE_STATUSES.map((status) => [status, []]));
  for (const check of checks) groups.get(statusOf(check))!.push(check);
  return [...groups].filter(([, group]) => group.length > 0);
}

/** What each status means, for the headings of a report. */
export const STATUS_MEANING: Record<SourceStatus, string> = {
  gone: 'the page is gone (404 or 410)',
  'quote-missing': 'the page is there, a quote is not',
  'quote-changed': 'a quote is there only in other words',
  moved: 'a permanent redirect: cite the new address',
  unreachable: 'no answer: DNS, TLS, a timeout or a server error',
  blocked: 'refused (401, 403, 429) or a bot wall: a warning, look by hand',
  'not-checked': 'not a page that can be read (a PDF, another kind of file, too large)',
  ok: 'every quote found at the address',
};

/** A check of a tree's sources on one day, as the renderers take it. */
export interface SourcesReport {
  tree: Tree;
  date: string;
  /** Worst first (byStatus). */
  checks: AddressCheck[];
  /** Sources with no web address, so not checked. */
  unaddressed: string[];
}

/** The report's verdict: how many addresses need a person, are warnings, are ok. */
export function tally(checks: readonly AddressCheck[]): { needPerson: number; warnings: number; ok: number } {
  const statuses = checks.map(statusOf);
  return {
    needPerson: statuses.filter((s) => NEEDS_PERSON.has(s)).length,
    warnings: statuses.filter((s) => s === 'blocked' || s === 'not-checked').length,
    ok: statuses.filter((s) => s === 'ok').length,
  };
}

/**
 * The sources whose every quote was found at its address, with every address `ok`: those that
 * `--update` marks as checked. A source with a quote that has no address is not confirmed.
 */
export function confirmedSources(tree: Tree, checks: readonly AddressCheck[]): string[] {
  const bySource = new Map<string, AddressCheck[]>();
  for (const check of checks) {
    const ofSource = bySource.get(check.sourceId);
    if (ofSource) ofSource.push(check);
    else bySource.set(check.sourceId, [check]);
  }
  return [...bySource].flatMap(([id, ofSource]) => {
    const found = new Set(ofSource.flatMap((c) => c.quotes.filter((q) => q.status === 'found').map((q) => q.index)));
    const quotes = tree.sources[id]?.quotes ?? [];
    const confirmed = quotes.length > 0 && found.size === quotes.length && ofSource.every((c) => statusOf(c) === 'ok');
    return confirmed ? [id] : [];
  });
}

/** A date's local calendar day, as 'YYYY-MM-DD'. */
export const dayOf = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Whole days from one 'YYYY-MM-DD' date to a later one. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Warnings for `validate --max-age`: each source with a web address that was never checked, or
 * last checked more than `maxAgeDays` before `today` ('YYYY-MM-DD').
 */
export function uncheckedSources(tree: Tree, today: string, maxAgeDays: number): TreeProblem[] {
  const addressed = new Set(addressesOf(tree).map((a) => a.sourceId));
  return Object.entries(tree.sources).flatMap(([id, source]): TreeProblem[] => {
    if (!addressed.has(id)) return [];
    if (source.checked === undefined) {
      return [{ path: ['sources', id], message: `source "${id}" was never checked against the web (optout-check sources check --update)`, warning: true }];
    }
    const age = daysBetween(source.checked, today);
    return age > maxAgeDays
      ? [{ path: ['sources', id, 'checked'], message: `source "${id}" was last checked ${age} days ago, on ${source.checked} (more than ${maxAgeDays})`, warning: true }]
      : [];
  });
}
