// Finds a quoted passage in a page's words: both normalised alike (whitespace, typographic quotes
// and dashes, soft hyphens, no-break spaces), the exact words first, then the nearest words with
// approx-string-match, and the difference shown with diff-match-patch.
import search from 'approx-string-match';
import DiffMatchPatch from 'diff-match-patch';
import type { DiffPart, QuoteCheck } from '../core/freshness.js';

/** The least similarity (1 - errors / length) at which a passage counts as there in other words. */
export const SIMILAR_ENOUGH = 0.75;

/**
 * Text as compared. NFKC turns no-break and other spaces into spaces, ligatures into letters and
 * `…` into `...`; the rest is done by hand.
 */
export const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2039\u203a]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * An elision (`…`) or an editor's insertion (`[sic]`, `[and]`) in a quote: the words on each side
 * are looked for apart.
 */
const EDITED = /\s*(?:\.\.\.|\[[^\]]*\])\s*/;

/** `page` must be normalised already (once per page, not once per quote). */
export function findQuote(page: string, quote: string, index: number): QuoteCheck {
  const parts = normalise(quote)
    .split(EDITED)
    .filter((part) => part.length > 0);
  let errors = 0;
  let length = 0;
  const matched: string[] = [];
  for (const part of parts) {
    length += part.length;
    if (page.includes(part)) {
      matched.push(part);
      continue;
    }
    const nearest = search(page, part, Math.floor(part.length * (1 - SIMILAR_ENOUGH))).reduce<{ start: number; end: number; errors: number } | undefined>(
      (best, match) => (best === undefined || match.errors < best.errors ? match : best),
      undefined,
    );
    if (!nearest) return { index, status: 'missing' };
    errors += nearest.errors;
    matched.push(wholeWords(page, nearest.start, nearest.end));
  }
  if (errors === 0) return { index, status: 'found' };
  const then = parts.join(' ... ');
  const now = matched.join(' ... ');
  return { index, status: 'changed', similarity: Math.floor((1 - errors / length) * 100) / 100, now, difference: difference(then, now) };
}

/** The page's words from `start` to `end`, widened to whole words, so the difference reads well. */
function wholeWords(page: string, start: number, end: number): string {
  while (start > 0 && page[start - 1] !== ' ') start--;
  while (end < page.length && page[end] !== ' ') end++;
  return page.slice(start, end);
}

/** What changed from `then` to `now`, in pieces a reader can follow (semantic clean-up). */
export function difference(then: string, now: string): DiffPart[] {
  const dmp = new DiffMatchPatch();
  const diffs = dmp.diff_main(then, now);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map(([op, text]) => ({ kind: op === DiffMatchPatch.DIFF_DELETE ? 'removed' : op === DiffMatchPatch.DIFF_INSERT ? 'added' : 'same', text }));
}
