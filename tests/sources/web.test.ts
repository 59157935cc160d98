// The pieces of `sources check` that need no network: the politeness queue (with a clock of its
// own), reading a page's words, and finding a quote in them.
import { describe, expect, it } from 'vitest';
import { acceptLanguage } from '../../src/web/check-addresses.js';
import { fetchPage, retryAfter } from '../../src/web/fetch-page.js';
import { findQuote, normalise } from '../../src/web/find-quote.js';
import { decode, htmlText } from '../../src/web/page-text.js';
import { PoliteQueue } from '../../src/web/polite-queue.js';

/** A clock that only moves when someone sleeps: waits are recorded, never taken. */
function fakeClock() {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

/** A task that runs until released, recording how many tasks ran at once, overall and per host. */
function gate() {
  const running = new Map<string, number>();
  let total = 0;
  let mostTotal = 0;
  let mostPerHost = 0;
  const releases: (() => void)[] = [];
  const task = (host: string) => () =>
    new Promise<void>((resolve) => {
      running.set(host, (running.get(host) ?? 0) + 1);
      mostPerHost = Math.max(mostPerHost, running.get(host)!);
      mostTotal = Math.max(mostTotal, ++total);
      releases.push(() => {
        running.set(host, running.get(host)! - 1);
        total--;
        resolve();
      });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.shift()!();
      await settle();
    }
  };
  return { task, releaseAll, settle, most: () => ({ total: mostTotal, perHost: mostPerHost }) };
}

describe('PoliteQueue', () => {
  it('runs one request per host at a time, and no more than the limit in all', async () => {
    const g = gate();
    const queue = new PoliteQueue(2, 0, fakeClock());
    const hosts = ['a', 'a', 'a', 'b', 'b', 'c', 'd'];
    const done = Promise.all(hosts.map((host) => queue.run(host, g.task(host))));
    await g.settle();
    await g.releaseAll();
    await done;
    expect(g.most()).toEqual({ total: 2, perHost: 1 });
  });

  it('rests between two requests to one host, and not between requests to different hosts', async () => {
    const clock = fakeClock();
    const queue = new PoliteQueue(4, 1500, clock);
    await Promise.all([queue.run('a', async () => {}), queue.run('b', async () => {}), queue.run('a', async () => {})]);
    expect(clock.slept).toEqual([1500]);
  });

  it('goes on after a task fails', async () => {
    const queue = new PoliteQueue(1, 0, fakeClock());
    const failed = queue.run('a', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });
});

describe('reading a page', () => {
  it('keeps the words a reader sees: no scripts, styles, navigation or head; entities decoded; blocks apart', () => {
    const { text, title } = htmlText(
      '<html><head><title>T &amp; C</title><style>p{}</style></head><body><nav>Menu</nav><div role="navigation">Links</div>' +
        '<script>var a = "<p>no</p>";</script><p>One&nbsp;&ldquo;two&rdquo;</p><p>three<em>four</em></p><noscript>Enable JS</noscript></body></html>',
    );
    expect(title).toBe('T & C');
    expect(normalise(text)).toBe('One "two" threefour');
  });

  it('decodes the charset named by a byte-order mark, Content-Type or a meta tag, and windows-1252 in full', () => {
    const bytes = (...values: number[]) => Uint8Array.from(values);
    const quoted = bytes(0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80);
    expect(decode(quoted, 'text/html; charset=windows-1252', true)).toBe('“A” – €');
    expect(decode(quoted, 'text/html; charset="ISO-8859-1"', true)).toBe('“A” – €');
    const meta = new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>');
    expect(decode(Uint8Array.from([...meta, 0xe9]), 'text/html', true)).toMatch(/é$/);
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9), 'text/html; charset=windows-1252', true)).toBe('é');
    expect(decode(bytes(0xc3, 0xa9), 'text/html; charset=no-such-charset', true)).toBe('é');
  });
});

describe('finding a quote', () => {
  const page = normalise('Intro. Everyone may object to the processing of their public posts - at any time. Outro.');

  it('finds it verbatim, and despite typographic differences', () => {
    expect(findQuote(page, 'Everyone may object to the processing of their public posts – at any time.', 0)).toEqual({ index: 0, status: 'found' });
    expect(findQuote(page, 'Every\u00adone may object to the processing of their public\u00a0posts — at any time.', 1)).toEqual({ index: 1, status: 'found' });
  });

  it('finds the words on each side of an elision or an editor’s insertion', () => {
    expect(findQuote(page, 'Everyone may object … their public posts [sic] - at any time.', 0).status).toBe('found');
  });

  it('says how alike a reworded passage is, and shows the difference', () => {
    const check = findQuote(page, 'Everyone may object to the processing of their public posts - within a month.', 0);
    expect(check).toMatchObject({ status: 'changed', now: expect.stringMatching(/^Everyone may object to the processing of their public posts - at any/) });
    expect(check.similarity).toBeGreaterThan(0.75);
    expect(check.similarity).toBeLessThan(1);
    expect(check.difference).toEqual(
      expect.arrayContaining([
        { kind: 'removed', text: expect.stringContaining('within a month') },
        { kind: 'added', text: expect.stringContaining('at any') },
      ]),
    );
  });

  it('calls a passage missing when nothing near it is on the page', () => {
    expect(findQuote(page, 'Meta will never use private messages for training its models.', 0)).toEqual({ index: 0, status: 'missing' });
  });
});

describe('what a request says', () => {
  it('asks for the quotes’ languages, then English', () => {
    expect(acceptLanguage(new Set(['de']))).toBe('de, en;q=0.5');
    expect(acceptLanguage(new Set(['en', 'pt']))).toBe('en, pt');
    expect(acceptLanguage(new Set())).toBe('en');
  });

  it('is never made for an address with credentials, or one that is not a web address', async () => {
    const clock = fakeClock();
    const settings = { queue: new PoliteQueue(1, 0, clock), clock, userAgent: 'test', timeoutMs: 1000, maxBytes: 1000, retries: 0, retryBaseMs: 0, maxRetryWaitMs: 0 };
    expect(await fetchPage('http://user:secret@127.0.0.1:9/x', 'en', settings)).toMatchObject({ failure: 'an address with a user name or password, not fetched' });
    expect(await fetchPage('file:///etc/passwd', 'en', settings)).toMatchObject({ failure: 'a file: address, not fetched' });
    expect(await fetchPage('http://[', 'en', settings)).toMatchObject({ failure: 'not a valid address, not fetched' });
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(retryAfter('7', now)).toBe(7000);
    expect(retryAfter('Thu, 03 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(retryAfter(null, now)).toBeUndefined();
  });
});
