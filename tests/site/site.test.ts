// `optout-check site`, built by the real binary and read over HTTP from a local server, as a
// reader's browser or a link checker would: every verdict reachable by links, every link and
// #fragment resolving, answer.json the same as --json, the same bytes every build, and hostile
// tree text kept as text. What needs a browser is in browser.test.ts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumeratePaths } from '../../src/core/paths.js';
import type { Tree } from '../../src/core/schema.js';
import { addressOf, MAX_SITE_ADDRESS, MAX_SITE_PATHS, siteMap } from '../../src/core/site-map.js';
import { answer } from '../../src/commands/answer.js';
import { loadTree } from '../../src/load/tree-file.js';
import { ROOT, run } from '../helpers.js';
import { buildSite, readPage, serve, type Served } from './helpers.js';
import { ENGLISH_WORDS } from '../../src/words.js';

let tree: Tree;
let dir: string;
let stdout: string;
let served: Served;
/** Every page reached from the index by following links: its path (from the host's root) → its markup. */
let pages: Map<string, string>;

beforeAll(async () => {
  tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
  ({ dir, result: { stdout } } = buildSite());
  served = await serve(dir);
  pages = await crawl(served);
});
afterAll(() => served?.close());

/** Follows every internal link from the index, breadth first; fails on any page that does not load. */
async function crawl(site: Served): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [site.url];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const body = await response.text();
    found.set(new URL(url).pathname, body);
    if (!response.headers.get('content-type')!.startsWith('text/html')) continue;
    for (const link of readPage(body).links) {
      const target = new URL(link, url);
      target.hash = '';
      if (target.origin !== site.origin || seen.has(target.href)) continue;
      seen.add(target.href);
      queue.push(target.href);
    }
  }
  return found;
}

/** The files of a folder, as paths relative to it. */
const filesOf = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();

/** The answers in a verdict page's "Same answer in a terminal" line. */
function terminalAnswers(page: string): Record<string, string> {
  const line = /Same answer in a terminal: <code>optout-check ([^<]*)<\/code>/.exec(page)![1]!;
  const answers: Record<string, string> = Object.create(null);
  for (const [, key, value] of line.matchAll(/--(\S+) (\S+)/g)) answers[key!] = value!;
  return answers;
}

/** The --json document, as the CLI's answer command writes it, in-process. */
async function jsonFor(answers: Record<string, string>): Promise<string> {
  const stdout = new PassThrough();
  let written = '';
  stdout.on('data', (chunk) => (written += chunk));
  const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {}, onInterrupt: () => () => {}, onSignal: () => () => {}, suspend: () => {}, today: new Date('2026-12-03') };
  await answer({ tree, command: 'optout-check', answers, input: false, json: true, explain: false, colour: false, pager: false, plain: false, words: ENGLISH_WORDS }, io);
  return written;
}

const verdictPages = () => [...pages].filter(([path]) => path.endsWith('/') && pages.has(`${path}answer.json`));

describe('optout-check site, for the built-in tree', () => {
  it('writes a page per question and per verdict, answer.json beside each verdict, and says how many', () => {
    const map = siteMap(tree);
    const files = filesOf(dir);
    const html = files.filter((f) => f.endsWith('.html'));
    expect(files.filter((f) => f.endsWith('answer.json'))).toHaveLength(map.verdicts.length);
    // index, sources and plan, the first question (start.html), and a folder per other page.
    expect(html).toHaveLength(3 + map.questions.length + map.verdicts.length);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'start.html', 'sources.html', 'plan.html', 'site.css', 'plan.js', 'favicon.svg', 'eu/instagram/photos/public/adult/index.html']));
    expect(stdout).toBe(`Wrote ${html.length} pages and ${map.verdicts.length} answer.json files to ${dir} (for /).\n`);
  });

  it('reaches every path of the tree, and so every verdict, by following links from the index', () => {
    const expected = enumeratePaths(tree).map(({ steps }) => `/${addressOf(tree, steps).map((v) => `${v}/`).join('')}`);
    expect(expected).toHaveLength(509);
    expect(verdictPages().map(([path]) => path).sort()).toEqual([...expected].sort());
    // Every page written is linked from somewhere.
    expect([...pages.keys()].map((path) => (path.endsWith('/') ? `${path}index.html` : path).slice(1)).sort()).toEqual(filesOf(dir));
  });

  it('passes a link check: every internal link and #fragment resolves; outside links are plain http(s) links with rel="noopener noreferrer"', () => {
    const broken: string[] = [];
    const ids = new Map([...pages].map(([path, body]) => [path, readPage(body).ids]));
    for (const [path, body] of pages) {
      if (!path.endsWith('/') && !path.endsWith('.html')) continue;
      const base = `${served.origin}${path}`;
      for (const link of readPage(body).links) {
        const target = new URL(link, base);
        if (target.origin !== served.origin) continue;
        const targetIds = ids.get(target.pathname);
        if (targetIds === undefined) broken.push(`${path} → ${link}`);
        else if (target.hash && !targetIds.has(decodeURIComponent(target.hash.slice(1)))) broken.push(`${path} → ${link} (no such id)`);
      }
      for (const [, attributes] of body.matchAll(/<a\s([^>]*)>/g)) {
        const href = /href="([^"]*)"/.exec(attributes!)?.[1] ?? '';
        if (href.startsWith('/') || href.startsWith('#')) continue;
        if (!/^https?:\/\//.test(href) || !attributes!.includes('rel="noopener noreferrer"')) broken.push(`${path} → ${href} (${attributes})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('puts in answer.json, for every path, what `optout-check --json` prints for the answers in the address (in-process)', async () => {
    const verdicts = verdictPages();
    expect(verdicts).toHaveLength(509);
    for (const [path, page] of verdicts) {
      const answers = terminalAnswers(page);
      // The terminal line names the answers in the address, in its order.
      expect(`/${Object.values(answers).map((v) => `${v}/`).join('')}`).toBe(path);
      expect(pages.get(`${path}answer.json`), path).toBe(await jsonFor(answers));
    }
  });

  it('puts in answer.json what the binary prints with --json: one path for each verdict of the tree', () => {
    const sample = new Map<string, [string, string]>();
    for (const [path, page] of verdictPages()) {
      const verdict = JSON.parse(pages.get(`${path}answer.json`)!).verdict.id;
      if (!sample.has(verdict)) sample.set(verdict, [path, page]);
    }
    expect(sample.size).toBe(Object.keys(tree.verdicts).length);
    for (const [path, page] of sample.values()) {
      const flags = Object.entries(terminalAnswers(page)).flatMap(([key, value]) => [`--${key}`, value]);
      const result = run([...flags, '--json']);
      expect(result.code, path).toBe(0);
      expect(result.stdout, path).toBe(pages.get(`${path}answer.json`));
    }
  });

  it('skips a question with a single possible answer, as the terminal does, and says so in the answers', () => {
    // "No Meta account" has one kind of content; the walk takes it without asking.
    const page = pages.get('/eu/none/')!;
    expect(page).toContain('answer.json');
    expect(page).toMatch(/<dt>Without a Meta account, what is your concern\?<\/dt><dd>[^<]+<\/dd><dd class="summary-action">the only answer here<\/dd>/);
    expect(JSON.parse(pages.get('/eu/none/answer.json')!).path.at(-1)).toMatchObject({ question: 'content', node: 'content-none', auto: true });
  });

  it('gives every page but the index a back link to the page before, and a Change link per answer to its question', () => {
    const verdict = pages.get('/eu/instagram/photos/public/adult/')!;
    expect(verdict).toContain('<a class="back-link" href="/eu/instagram/photos/public/">Back</a>');
    const changes = [...verdict.matchAll(/<a href="([^"]*)">Change<span class="visually-hidden"> your answer to “([^”]*)”<\/span><\/a>/g)].map((m) => [m[1], m[2]]);
    expect(changes).toEqual([
      ['/start.html', 'Where do you live?'],
      ['/eu/', 'Which Meta app or product is it about?'],
      ['/eu/instagram/', 'What content are you asking about?'],
      ['/eu/instagram/photos/', 'Who can see it?'],
      ['/eu/instagram/photos/public/', 'How old is the account holder?'],
    ]);
    expect(pages.get('/start.html')).toContain('<a class="back-link" href="/">Back</a>');
  });

  it('gives the verdict in the order the terminal does, short first, with [n] linked to the source entries', async () => {
    const page = pages.get('/eu/instagram/photos/public/adult/')!;
    const report = JSON.parse(pages.get('/eu/instagram/photos/public/adult/answer.json')!);
    const order = [
      `<h1>${report.verdict.title}</h1>`,
      'Outcome: opt-out',
      '<h2>What you can do</h2>',
      '<h2>Caveats</h2>',
      '<h2>Sources disagree:',
      '<h2>Sources</h2>',
      `reviewed ${report.tree.reviewed}`,
      'Same answer in a terminal: <code>optout-check --region eu --platform instagram --content photos --visibility public --age adult</code>',
    ].map((text) => page.indexOf(text.replaceAll('’', '’')));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect([...page.matchAll(/<li id="ref-(\d+)">/g)]).toHaveLength(report.sources.length);
    expect(page).toContain(`<a href="/sources.html#source-${report.sources[0].id}">`);
  });

  it('is deterministic: the same tree gives the same bytes', () => {
    const again = buildSite().dir;
    const digest = (folder: string) => filesOf(folder).map((file) => `${file} ${createHash('sha256').update(readFileSync(join(folder, file))).digest('hex')}`);
    expect(digest(again)).toEqual(digest(dir));
  });
});

describe('the site off the terminal\'s paths', () => {
  it('is a bundle of its own, loaded only by `site`: neither the main bundle nor the command line holds any of it', () => {
    const bundle = (name: string) => readFileSync(`${ROOT}dist/${name}`, 'utf8');
    for (const name of ['cli.cjs', 'program.cjs']) {
      expect(bundle(name), name).not.toContain('Content-Security-Policy');
      expect(bundle(name), name).not.toContain('sources.html');
    }
    expect(bundle('program.cjs')).toContain('require("./commands-site.cjs")');
    expect(bundle('commands-site.cjs')).toContain('Content-Security-Policy');
  });
});

describe('optout-check site --base', () => {
  it('links every page below the base: a crawl from the index there loads every page, and asks for nothing outside it', async () => {
    const { dir: below } = buildSite(['--base', '/optout-check/']);
    const site = await serve(below, '/optout-check/');
    try {
      const found = await crawl(site);
      expect(site.requests.every((path) => path.startsWith('/optout-check/'))).toBe(true);
      expect([...found.keys()].filter((path) => pages.has(path.replace('/optout-check/', '/')))).toHaveLength(pages.size);
    } finally {
      await site.close();
    }
  });
});

describe('optout-check site --tree', () => {
  it('builds the tree named before the command word too', () => {
    for (const args of [['--tree', 'tests/fixtures/small.yaml', 'site'], ['site', '--tree', 'tests/fixtures/small.yaml']]) {
      const folder = join(mkdtempSync(join(tmpdir(), 'optout-check-site-')), 'site');
      expect(run([...args, '--out', folder]).code).toBe(0);
      expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain('<title>Small test tree</title>');
    }
  });
});

describe('optout-check site refuses', () => {
  const out = () => join(mkdtempSync(join(tmpdir(), 'optout-check-site-')), 'site');

  it.each([['optout-check'], ['/no-end'], ['//twice/'], ['/a b/'], ['https://example.org/']])('--base %s, in one line, with exit 2', (base) => {
    const result = run(['site', '--out', out(), '--base', base]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(`error: --base ${base} is not a path from the site's root: start and end it with /, e.g. --base /optout-check/\n`);
  });

  it('a folder that is not empty, rather than mix two builds', () => {
    const folder = out();
    mkdirSync(folder);
    writeFileSync(join(folder, 'mine.txt'), 'keep me');
    const result = run(['site', '--out', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --out .* is not empty; remove it or name a new folder/);
    expect(readdirSync(folder)).toEqual(['mine.txt']);
  });

  it('a file where the folder should be, naming the reason', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-site-')), 'file');
    writeFileSync(file, '');
    expect(run(['site', '--out', file])).toMatchObject({ code: 2, stderr: `error: cannot write ${file}: not a directory\n` });
  });

  /** A chain of `length` questions with two choices each, both to the next (or to the end), as a tree file. */
  function chain(length: number, secondChoice: 'next' | 'end', value = 'go'): string {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-site-')), 'chain.json');
    const questions: Record<string, unknown> = {};
    for (let i = 0; i < length; i++) {
      const next = i === length - 1 ? 'end' : `q${i + 1}`;
      questions[`q${i}`] = { prompt: `Question ${i}?`, choices: [{ value, label: 'Go', next }, { value: 'no', label: 'No', next: secondChoice === 'next' ? next : 'end' }] };
    }
    const source = { title: 'S', publisher: 'P', published: '2026', kind: 'primary', quotes: [{ text: 'Q.' }] };
    const verdict = { outcome: 'limited', title: 'T', summary: 'S.', sources: ['s'], steps: [{ text: 'Do.', sources: ['s'] }] };
    writeFileSync(file, JSON.stringify({ id: 'chain', title: 'Chain', question: 'Chain?', reviewed: '2026-01-01', start: 'q0', sources: { s: source }, questions, verdicts: { end: verdict } }));
    return file;
  }

  it.each([
    ['more than 5,000 answered paths, quickly (a small tree with 2^22 paths)', chain(22, 'next'), `error: this tree has more than ${MAX_SITE_PATHS} answered paths; a site is built for at most ${MAX_SITE_PATHS}, one folder each.`],
    // Within the tree limits (200 answer keys, 64 characters a value): 60 questions of 40-character values.
    ['a path whose address would pass 1,000 characters (60 questions deep, long values)', chain(60, 'end', `g${'o'.repeat(39)}`), `error: a path of this tree is too long for a site's folders: its answers make an address of more than ${MAX_SITE_ADDRESS} characters.`],
  ])('a tree with %s, before writing anything', (_, file, message) => {
    const folder = out();
    const result = run(['site', '--tree', file, '--out', folder]);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `${message}\n` });
    expect(() => readdirSync(folder)).toThrow();
  });
});

describe('a hostile tree', () => {
  it('reaches every page as text: no markup, no script, no javascript: link, no invisible or control character', () => {
    const { dir: hostile } = buildSite(['--tree', 'tests/fixtures/hostile/markup.yaml']);
    const html = filesOf(hostile).filter((f) => f.endsWith('.html'));
    expect(html).toEqual(['eu/a/index.html', 'eu/b/index.html', 'eu/index.html', 'index.html', 'plan.html', 'sources.html', 'start.html', 'us/index.html']);
    for (const file of html) {
      const page = readFileSync(join(hostile, file), 'utf8');
      const tags = new Set([...page.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
      for (const tag of ['img', 'iframe', 'svg', 'style', 'b', 'i', 'u']) expect(tags.has(tag), `${file}: <${tag}>`).toBe(false);
      expect([...page.matchAll(/<script[^>]*>/g)].map((m) => m[0]), file).toEqual(
        file === 'plan.html' ? ['<script type="application/json" id="plan-data">', '<script src="/plan.js" defer>'] : [],
      );
      expect(page, file).not.toMatch(/href="(?!\/|#|https?:)/);
      expect(page, file).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/u);
    }
    const verdict = readFileSync(join(hostile, 'eu/a/index.html'), 'utf8');
    expect(verdict).toContain('<h1>Object &lt;script&gt;alert(&#39;verdict&#39;)&lt;/script&gt;</h1>');
    expect(verdict).toContain('Publisher \\x1b]0;pwned\\x07');
    // The tree file is named without the builder's folders.
    expect(verdict).toContain('Same answer in a terminal: <code>optout-check --tree markup.yaml --region eu --app a</code>');
    // The address is linked as the URL parser writes it: its quote and brackets cannot end the attribute.
    expect(verdict).toContain('<a href="https://example.org/form%22%3E%3Cscript%3Ealert(&#39;url&#39;)%3C/script%3E" rel="noopener noreferrer">');
    const sources = readFileSync(join(hostile, 'sources.html'), 'utf8');
    expect(sources).toContain('Quote \\u202eevil\\u202c &lt;b&gt;bold&lt;/b&gt;');
    // The address ends before the punctuation after it.
    expect(sources).toContain('Seen at: javascript:alert(&#39;seen&#39;) and <a href="https://example.org/copy%22onmouseover=%22alert(&#39;seen" rel="noopener noreferrer">');
    expect(readFileSync(join(hostile, 'start.html'), 'utf8')).toContain('States\\u200b\\u2066');
  });
});
