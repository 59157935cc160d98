// Fetches one address with Node's own fetch, politely and within bounds: each request through the
// PoliteQueue, a timeout per request, redirects followed by hand (so each is recorded and a loop
// is caught), 429 and 503 retried after Retry-After, and the body read only up to a cap.
import type { Redirect } from '../core/freshness.js';
import type { Clock, PoliteQueue } from './polite-queue.js';

export interface FetchSettings {
  queue: PoliteQueue;
  clock: Clock;
  userAgent: string;
  timeoutMs: number;
  /** The body is read up to this many bytes (after decompression), then dropped. */
  maxBytes: number;
  /** How many times a 429 or 503 is asked again. */
  retries: number;
  /** The wait before a retry without Retry-After, doubled each time. */
  retryBaseMs: number;
  /** A longer Retry-After is not waited for: the answer stands. */
  maxRetryWaitMs: number;
}

export interface FetchedPage {
  url: string;
  finalUrl: string;
  redirects: Redirect[];
  httpStatus?: number;
  contentType?: string;
  /** A bot challenge announced in the headers (Cloudflare's `cf-mitigated: challenge`). */
  challenged?: boolean;
  /** Only for a 2xx response within the cap. */
  body?: Uint8Array;
  tooLarge?: boolean;
  failure?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRIED = new Set([429, 503]);
const MAX_REDIRECTS = 10;

type Answer = { status: number; headers: Headers; body?: Uint8Array; tooLarge?: boolean } | { failure: string };

export async function fetchPage(url: string, acceptLanguage: string, settings: FetchSettings): Promise<FetchedPage> {
  const redirects: Redirect[] = [];
  const seen = new Set([url]);
  let current = url;
  const failed = (failure: string): FetchedPage => ({ url, finalUrl: current, redirects, failure });
  const refused = refusal(url);
  if (refused) return failed(refused);
  for (;;) {
    const answer = await withRetries(current, acceptLanguage, settings);
    if ('failure' in answer) return failed(answer.failure);
    const { status, headers } = answer;
    if (REDIRECTS.has(status)) {
      const next = redirectTarget(headers.get('location'), current);
      if (next.failure) return failed(`HTTP ${status} ${next.failure}`);
      redirects.push({ status, to: next.url! });
      if (seen.has(next.url!)) return failed(`a redirect loop: ${[url, ...redirects.map((r) => r.to)].join(' → ')}`);
      if (redirects.length > MAX_REDIRECTS) return failed(`more than ${MAX_REDIRECTS} redirects`);
      seen.add(next.url!);
      current = next.url!;
      continue;
    }
    const page: FetchedPage = { url, finalUrl: current, redirects, httpStatus: status };
    if (status < 200 || (status >= 300 && status < 400)) return { ...page, failure: `an unexpected HTTP ${status}` };
    const contentType = headers.get('content-type') ?? undefined;
    return {
      ...page,
      ...(contentType ? { contentType } : {}),
      ...(headers.get('cf-mitigated') === 'challenge' ? { challenged: true } : {}),
      ...(answer.body ? { body: answer.body } : {}),
      ...(answer.tooLarge ? { tooLarge: true } : {}),
    };
  }
}

/** Why an address from a tree is not fetched: not a web address, or one that carries credentials. */
function refusal(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid address, not fetched';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `a ${parsed.protocol} address, not fetched`;
  return parsed.username || parsed.password ? 'an address with a user name or password, not fetched' : undefined;
}

function redirectTarget(location: string | null, from: string): { url?: string; failure?: string } {
  if (!location) return { failure: 'without a Location' };
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return { failure: 'to an invalid address' };
  }
  return target.protocol === 'http:' || target.protocol === 'https:' ? { url: target.href } : { failure: `to a ${target.protocol} address, not followed` };
}

async function withRetries(url: string, acceptLanguage: string, settings: FetchSettings): Promise<Answer> {
  const host = new URL(url).host;
  for (let attempt = 0; ; attempt++) {
    const answer = await settings.queue.run(host, () => request(url, acceptLanguage, settings));
    if ('failure' in answer || !RETRIED.has(answer.status) || attempt >= settings.retries) return answer;
    const wait = retryAfter(answer.headers.get('retry-after'), settings.clock.now()) ?? settings.retryBaseMs * 2 ** attempt;
    if (wait > settings.maxRetryWaitMs) return answer;
    await settings.clock.sleep(wait);
  }
}

/** Retry-After in milliseconds: a number of seconds, or an HTTP date. */
export function retryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function request(url: string, acceptLanguage: string, settings: FetchSettings): Promise<Answer> {
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
      headers: {
        'user-agent': settings.userAgent,
        'accept-language': acceptLanguage,
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8',
      },
    });
    const { status, headers } = response;
    // Only a page is read; the body of a redirect or an error is let go.
    if (status < 200 || status >= 300 || Number(headers.get('content-length')) > settings.maxBytes) {
      await response.body?.cancel().catch(() => {});
      return status >= 200 && status < 300 ? { status, headers, tooLarge: true } : { status, headers };
    }
    return { status, headers, ...(await readCapped(response.body, settings.maxBytes)) };
  } catch (error) {
    return { failure: describeFailure(error, settings.timeoutMs) };
  }
}

/** The body, up to `maxBytes`: a larger one is not kept, and its reading stops there. */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<{ body?: Uint8Array; tooLarge?: boolean }> {
  if (!body) return { body: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { body: whole };
}

/** Why a request failed, in a few words: no such host, a TLS problem, no answer in time. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host (DNS)';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return `no connection within ${timeoutMs / 1000} s`;
  if (code && /CERT|SSL|TLS|SELF_SIGNED/.test(code)) return `TLS: ${code}`;
  return code ?? cause?.message ?? message ?? String(error);
}
