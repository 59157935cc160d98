// For the site's tests: build a site with the real binary, serve it on 127.0.0.1 as a static host
// would, read its pages' links and ids, and start Debian's chromium (never a downloaded browser).
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { run, type Run } from '../helpers.js';

/** Builds a site into a new temporary folder; throws with the binary's stderr if it fails. */
export function buildSite(args: string[] = []): { dir: string; result: Run } {
  const dir = join(mkdtempSync(join(tmpdir(), 'optout-check-site-')), 'site');
  const result = run(['site', '--out', dir, ...args]);
  if (result.code !== 0) throw new Error(`site exited ${result.code}: ${result.stderr}`);
  return { dir, result };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface Served {
  /** The site's address, ending in its base: http://127.0.0.1:port/base/ */
  url: string;
  origin: string;
  /** Every path asked for, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/** Serves `dir` under `base` as GitHub Pages does: a folder's address gives its index.html; anything else is 404. */
export async function serve(dir: string, base = '/'): Promise<Served> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    requests.push(path);
    const file = path.startsWith(base) && !path.includes('..') ? join(dir, path.slice(base.length), path.endsWith('/') ? 'index.html' : '') : '';
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${base}`, origin, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A page's links (href and src) and element ids, read from the markup the site writes (attributes in double quotes). */
export function readPage(html: string): { links: string[]; ids: Set<string> } {
  const decode = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const links = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
  return { links, ids };
}

export const CHROMIUM = '/usr/bin/chromium';

/**
 * CI installs chromium and sets REQUIRE_BROWSER=1 (.ci/run), as does CI=true: there, a missing
 * browser fails the tests. Elsewhere they are skipped, saying why.
 */
export const browserRequired = process.env.REQUIRE_BROWSER === '1' || process.env.CI === 'true';
export const hasBrowser = existsSync(CHROMIUM);

/** Debian's chromium, headless, with the background traffic that would flood a closed network turned off. */
export async function launchBrowser(): Promise<Browser> {
  if (!hasBrowser) throw new Error(`the browser tests are required here (REQUIRE_BROWSER=1 or CI=true), but ${CHROMIUM} is missing: apt-get install chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
