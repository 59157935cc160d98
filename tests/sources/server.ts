// A web server on 127.0.0.1 that serves every awkward case `sources check` meets on the web, and a
// tree whose sources cite it. Started and stopped by each test file; nothing leaves the machine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** The passage every page is checked for. */
export const QUOTE = 'Everyone may object to the “processing” of their public posts – at any time.';
/** A German one, for Accept-Language. */
export const QUOTE_DE = 'Wir verwenden öffentliche Beiträge, es sei denn, du widersprichst.';

const page = (body: string, head = '<title>A regulator</title>') =>
  `<!doctype html><html><head>${head}<style>p { color: red }</style></head><body>` +
  `<nav>Home · News · Contact</nav><script>var x = "not a quote";</script>` +
  `<main><h1>Statement</h1>${body}<p>Other words after it.</p></main></body></html>`;

const VERBATIM = page(`<p>${QUOTE}</p>`);

/** Text in windows-1252: Latin-1 as it is, and the typographic marks in 0x80-0x9f. */
const windows1252 = (text: string): Buffer =>
  Buffer.from([...text].map((c) => ({ '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 })[c] ?? (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f)));

/** A request as the server saw it. */
export interface Seen {
  path: string;
  at: number;
  userAgent: string;
  acceptLanguage: string;
  /** When it came, and when its whole answer was sent (performance.now(), in ms); not for an answer the client gave up on. */
  start: number;
  sent?: number;
}

type Route = (request: IncomingMessage, response: ServerResponse, count: number) => void | Promise<void>;

const html = (response: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  response.end(body);
};
const redirect = (status: number, to: string): Route => (_, response) => {
  response.writeHead(status, { location: to });
  response.end();
};
const status = (code: number, headers: Record<string, string> = {}): Route => (_, response) => {
  response.writeHead(code, { 'content-type': 'text/html', ...headers });
  response.end(page(`<p>HTTP ${code}</p>`));
};

/** Each case: its path, and what it serves. */
export const ROUTES: Record<string, Route> = {
  '/verbatim': (_, response) => html(response, VERBATIM),
  // Straight quotes for curly ones, a hyphen for the dash, entities, a soft hyphen, no-break
  // spaces, a line break and an inline element inside the passage.
  '/typographic': (_, response) =>
    html(response, page('<p>Everyone may ob&shy;ject to the "processing" of\n their <em>public</em>&nbsp;posts&#160;- at any\u00a0time.</p>')),
  '/reworded': (_, response) => html(response, page('<p>Everyone may object to the “processing” of their public posts – but only within a month.</p>')),
  '/removed': (_, response) => html(response, page('<p>We changed this statement; nothing about objections remains.</p>')),
  '/chain-301': redirect(301, '/chain-301b'),
  '/chain-301b': redirect(308, '/verbatim'),
  '/chain-302': redirect(302, '/chain-302b'),
  '/chain-302b': redirect(307, '/verbatim'),
  '/loop-a': redirect(302, '/loop-b'),
  '/loop-b': redirect(302, '/loop-a'),
  '/404': status(404),
  '/410': status(410),
  '/403': status(403),
  '/429': status(429, { 'retry-after': '1' }),
  '/503-then-200': (request, response, count) => (count === 1 ? status(503)(request, response, count) : html(response, VERBATIM)),
  '/slow': async (_, response) => {
    await new Promise((resolve) => setTimeout(resolve, 6000));
    if (!response.destroyed) html(response, VERBATIM);
  },
  // Over the 5 MiB cap, streamed without a Content-Length: the cap must hold while reading.
  '/huge': async (_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'filler text '.repeat(5000)}</p>`;
    for (let sent = 0; sent < 6 * 1024 * 1024 && !response.destroyed; sent += chunk.length) {
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  },
  '/gzip': (_, response) => html(response, gzipSync(VERBATIM), { 'content-encoding': 'gzip' }),
  '/brotli': (_, response) => html(response, brotliCompressSync(VERBATIM), { 'content-encoding': 'br' }),
  // The charset only in the meta tag; “ ” – are single bytes in windows-1252.
  '/windows-1252': (_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(windows1252(page(`<h2>Déclaration</h2><p>${QUOTE}</p>`, '<meta charset="windows-1252"><title>Déclaration</title>')));
  },
  // ISO-8859-1 in Content-Type: read as windows-1252, as browsers do.
  '/iso-8859-1': (_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
    response.end(windows1252(page(`<p>${QUOTE}</p>`)));
  },
  '/pdf': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf' });
    response.end('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  },
  '/empty': (_, response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': '0' });
    response.end();
  },
  '/bot-wall': (_, response) => html(response, page('<p>Checking your browser before accessing the site.</p>', '<title>Just a moment...</title>')),
  '/german': (_, response) => html(response, page(`<p>${QUOTE_DE}</p>`)),
  '/wayback/available': (request, response) => {
    const url = new URL(request.url!, 'http://127.0.0.1').searchParams.get('url');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ url, archived_snapshots: { closest: { status: '200', available: true, url: `http://web.archive.org/web/20261125000000/${url}`, timestamp: '20261125000000' } } }));
  },
};

export interface FixtureServer {
  base: string;
  seen: Seen[];
  /**
   * The most requests answered at once, among those answered in full. A request the client gave up
   * on (a timeout, the size cap) is left out: the server notices only later that it was dropped.
   */
  mostAtOnce: () => number;
  close: () => Promise<void>;
}

export async function startServer(): Promise<FixtureServer> {
  const seen: Seen[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url!, 'http://127.0.0.1').pathname;
    const entry: Seen = { path, at: Date.now(), userAgent: String(request.headers['user-agent']), acceptLanguage: String(request.headers['accept-language']), start: performance.now() };
    seen.push(entry);
    counts.set(path, (counts.get(path) ?? 0) + 1);
    response.on('finish', () => (entry.sent = performance.now()));
    const route = ROUTES[path];
    if (route) await route(request, response, counts.get(path)!);
    else status(404)(request, response, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    mostAtOnce: () => {
      const answered = seen.filter((r) => r.sent !== undefined);
      return answered.reduce((most, r) => Math.max(most, answered.filter((o) => o.start < r.sent! && r.start < o.sent!).length), 0);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A source of the fixture tree: its id, the path of its page, and optionally its quotes. */
export interface FixtureSource {
  id: string;
  path?: string;
  quotes?: string[];
}

/**
 * A tree whose sources cite the server's pages, each quoting QUOTE unless told otherwise, written
 * to a temporary folder with comments and blank lines, as a person would write it. Returns its path.
 */
export function fixtureTree(base: string, sources: FixtureSource[]): string {
  const lines = [
    '# A tree for the source check: every source is one case of the fixture server.',
    'id: web-fixture',
    'title: Web fixture tree',
    'question: Can I opt out?',
    "reviewed: '2026-11-25'",
    'start: region',
    '',
    '# One source per case; the comments must survive --update.',
    'sources:',
  ];
  for (const source of sources) {
    lines.push(
      `  ${source.id}:  # the ${source.id} case`,
      `    title: The ${source.id} page`,
      '    publisher: A regulator',
      ...(source.path ? [`    url: ${base}${source.path}`] : []),
      "    published: '2025-05-01'",
      '    kind: regulator',
      '    quotes:',
      ...(source.quotes ?? [`      - text: ${JSON.stringify(QUOTE)}`]),
      '',
    );
  }
  lines.push(
    'questions:',
    '  region:',
    '    prompt: Where do you live?',
    '    choices:',
    '      - { value: eu, label: European Union, next: answer }',
    'verdicts:',
    '  answer:',
    '    outcome: opt-out',
    '    title: You can object',
    '    summary: Every case below says so.',
    `    sources: [${sources.map((s) => s.id).join(', ')}]`,
    '    steps:',
    '      - text: Object.',
    `        sources: [${sources[0]!.id}]`,
    '',
  );
  const file = join(mkdtempSync(join(tmpdir(), 'optout-check-web-')), 'web-fixture.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}
