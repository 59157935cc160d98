// The Wayback Machine's availability API: the archived snapshot of an address closest to a date.
// Asked with the same fetcher as the pages, so the same politeness, timeout and size cap apply.
import { fetchPage, type FetchSettings } from './fetch-page.js';
import { decode } from './page-text.js';

export const WAYBACK_API = 'https://archive.org/wayback/available';

/** The snapshot's address, or undefined when there is none or the API did not answer. */
export async function closestSnapshot(api: string, url: string, date: string, settings: FetchSettings): Promise<string | undefined> {
  const query = new URL(api);
  query.searchParams.set('url', url);
  query.searchParams.set('timestamp', date.replaceAll('-', ''));
  const page = await fetchPage(query.href, 'en', settings);
  if (page.httpStatus !== 200 || !page.body) return undefined;
  try {
    const closest = (JSON.parse(decode(page.body, page.contentType, false)) as { archived_snapshots?: { closest?: { available?: boolean; url?: unknown } } })
      .archived_snapshots?.closest;
    return closest?.available && typeof closest.url === 'string' && /^https?:\/\/\S+$/.test(closest.url) ? closest.url : undefined;
  } catch {
    return undefined;
  }
}
