// `optout-check site`, built by the real binary and read over HTTP from a local server, as a
// reader's browser or a link checker would: every verdict reachable by links in each language,
// every link and #fragment resolving (the switch between languages too), answer.json the same as
// --json (--lang de --json for the German pages), the same bytes every build, and hostile tree
// text kept as text, in a hostile translation too. What needs a browser is in browser.test.ts.
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { enumeratePaths } from '../../src/core/paths.js';
import type { Tree } from '../../src/core/schema.js';
import { addressOf, MAX_SITE_ADDRESS, MAX_SITE_PATHS, siteMap } from '../../src/core/site-map.js';
import { translatableTexts } from '../../src/core/translatable.js';
import { answer } from '../../src/commands/answer.js';
import type * as Language from '../../src/load/language.js';
import { hashText } from '../../src/load/text-hash.js';
import { loadTree } from '../../src/load/tree-file.js';
import { SITE_ASSETS } from '../../src/render/site-layout.js';
import { ENGLISH_WORDS, type Words } from '../../src/words.js';
import { ROOT, run } from '../helpers.js';
import { buildSite, readPage, serve, type Served } from './helpers.js';

let tree: Tree;
/** The tree as `--lang de` shows it: by the built binary's own code, from the built dist/lang/de.json. */
let german: Tree;
let germanWords: Words;
let dir: string;
let stdout: string;
let served: Served;
/** Every page reached from the index by following links: its path (from the host's root) → its markup. */
let pages: Map<string, string>;

beforeAll(async () => {
  tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
  const { inLanguage } = createRequire(import.meta.url)(`${ROOT}dist/load-language.cjs`) as typeof Language;
  ({ tree: german, words: germanWords } = await inLanguage(tree, undefined, { tag: 'de', from: '--lang', explicit: true }));
  ({ dir, result: { stdout } } = buildSite());
  served = await serve(dir);
  pages = await crawl(served);
});
afterAll(() => served?.close());

/**
 * Follows every internal link from `start` (the index), breadth first, to the pages `follow`
 * allows; fails on any page that does not load.
 */
async function crawl(site: Served, start = site.url, follow = (_path: string) => true): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [start];
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
      if (target.origin !== site.origin || seen.has(target.href) || !follow(target.pathname)) continue;
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

const inGerman = (path: string) => path.startsWith('/de/');

/** The arguments of a verdict page's "same answer in a terminal" line, after `optout-check`. */
const terminalLine = (page: string): string[] => /<p class="terminal">[^<]*<code>optout-check ([^<]*)<\/code>/.exec(page)![1]!.split(' ');

/** The answers in a verdict page's terminal line (its --lang aside). */
function terminalAnswers(page: string): Record<string, string> {
  const answers: Record<string, string> = Object.create(null);
  const args = terminalLine(page);
  for (let i = 0; i < args.length; i += 2) if (args[i] !== '--lang') answers[args[i]!.slice(2)] = args[i + 1]!;
  return answers;
}

/** The --json document, as the CLI's answer command writes it for `shown` (the tree in the language asked for), in-process. */
async function jsonFor(shown: Tree, answers: Record<string, string>, words: Words = ENGLISH_WORDS): Promise<string> {
  const stdout = new PassThrough();
  let written = '';
  stdout.on('data', (chunk) => (written += chunk));
  const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {}, onInterrupt: () => () => {}, onSignal: () => () => {}, suspend: () => {}, today: new Date('2026-12-03') };
  await answer({ tree: shown, command: 'optout-check', answers, input: false, json: true, explain: false, colour: false, pager: false, plain: false, words }, io);
  return written;
}

const verdictPages = (found = pages) => [...found].filter(([path]) => path.endsWith('/') && found.has(`${path}answer.json`));

/** Each path's address, as a folder from the root of its language. */
const expectedPaths = () => enumeratePaths(tree).map(({ steps }) => `/${addressOf(tree, steps).map((v) => `${v}/`).join('')}`);

describe('optout-check site, for the built-in tree', () => {
  it('writes a page per question and per verdict, answer.json beside each verdict, in English and the same under /de/ in German, and says how many', () => {
    const map = siteMap(tree);
    const files = filesOf(dir);
    const html = files.filter((f) => f.endsWith('.html'));
    expect(files.filter((f) => f.endsWith('answer.json'))).toHaveLength(2 * map.verdicts.length);
    // index, sources and plan, the first question (start.html), and a folder per other page: in each language.
    expect(html).toHaveLength(2 * (3 + map.questions.length + map.verdicts.length));
    expect(files).toEqual(expect.arrayContaining(['index.html', 'start.html', 'sources.html', 'plan.html', 'site.css', 'plan.js', 'favicon.svg', 'eu/instagram/photos/public/adult/index.html']));
    // /de/ mirrors the root, file for file; the assets are shared.
    const root = files.filter((f) => !f.startsWith('de/') && !(SITE_ASSETS as readonly string[]).includes(f));
    expect(files.filter((f) => f.startsWith('de/')).map((f) => f.slice('de/'.length))).toEqual(root);
    expect(stdout).toBe(`Wrote ${html.length} pages and ${2 * map.verdicts.length} answer.json files to ${dir} (for /; languages: en, de).\n`);
  });

  it('reaches every path of the tree, and so every verdict, in each language by following links from its index, never leaving the language', async () => {
    const expected = expectedPaths();
    expect(expected).toHaveLength(509);
    const english = await crawl(served, served.url, (path) => !inGerman(path));
    expect(verdictPages(english).map(([path]) => path).sort()).toEqual([...expected].sort());
    const inDe = await crawl(served, `${served.url}de/`, inGerman);
    expect(verdictPages(inDe).map(([path]) => path).sort()).toEqual(expected.map((path) => `/de${path}`).sort());
    // Every page written is linked from somewhere.
    expect([...pages.keys()].map((path) => (path.endsWith('/') ? `${path}index.html` : path).slice(1)).sort()).toEqual(filesOf(dir));
  });

  it('passes a link check in both languages: every internal link and #fragment resolves; outside links are plain http(s) links with rel="noopener noreferrer"', () => {
    const broken: string[] = [];
    const ids = new Map([...pages].map(([path, body]) => [path, readPage(body).ids]));
    let checked = 0;
    for (const [path, body] of pages) {
      if (!path.endsWith('/') && !path.endsWith('.html')) continue;
      checked++;
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
    expect(checked).toBe(filesOf(dir).filter((f) => f.endsWith('.html')).length);
    expect(broken).toEqual([]);
  });

  it('links every page to itself in the other language: a switch (a link with hreflang and lang) and <link rel="alternate" hreflang> in the head', () => {
    const html = [...pages].filter(([path]) => path.endsWith('/') || path.endsWith('.html'));
    expect(html.length).toBe(filesOf(dir).filter((f) => f.endsWith('.html')).length);
    const names = { en: 'English', de: 'Deutsch' } as const;
    for (const [path, page] of html) {
      const lang = inGerman(path) ? 'de' : 'en';
      const address = inGerman(path) ? { en: path.slice('/de'.length), de: path } : { en: path, de: `/de${path}` };
      expect(page, path).toMatch(new RegExp(`^<!DOCTYPE html>\n<html lang="${lang}">`));
      expect(page, path).toContain(`<link rel="alternate" hreflang="en" href="${address.en}">\n<link rel="alternate" hreflang="de" href="${address.de}">\n</head>`);
      const item = (other: 'en' | 'de') =>
        other === lang ? `<li><span aria-current="true">${names[other]}</span></li>` : `<li><a href="${address[other]}" hreflang="${other}" lang="${other}" rel="alternate">${names[other]}</a></li>`;
      expect(page, path).toContain(`<nav class="language-switch" aria-label="${lang === 'de' ? 'Sprache' : 'Language'}"><ul>${item('en')}${item('de')}</ul></nav>`);
    }
  });

  it('puts in answer.json, for every path, what `optout-check --json` prints for the answers in the address (in-process)', async () => {
    const verdicts = verdictPages().filter(([path]) => !inGerman(path));
    expect(verdicts).toHaveLength(509);
    for (const [path, page] of verdicts) {
      const answers = terminalAnswers(page);
      // The terminal line names the answers in the address, in its order.
      expect(terminalLine(page)[0]).not.toBe('--lang');
      expect(`/${Object.values(answers).map((v) => `${v}/`).join('')}`).toBe(path);
      expect(pages.get(`${path}answer.json`), path).toBe(await jsonFor(tree, answers));
    }
  });

  it('puts in each German answer.json what `optout-check --lang de --json` prints for the answers in the address (in-process), for every path', async () => {
    const verdicts = verdictPages().filter(([path]) => inGerman(path));
    expect(verdicts).toHaveLength(509);
    for (const [path, page] of verdicts) {
      // The German page's terminal line asks for German, whatever the reader's locale.
      expect(terminalLine(page).slice(0, 2), path).toEqual(['--lang', 'de']);
      const answers = terminalAnswers(page);
      expect(`/de/${Object.values(answers).map((v) => `${v}/`).join('')}`).toBe(path);
      const document = pages.get(`${path}answer.json`)!;
      expect(document, path).toBe(await jsonFor(german, answers, germanWords));
      expect(JSON.parse(document).lang).toBe('de');
    }
  });

  it('puts in answer.json what the binary prints for its page\'s terminal line with --json: one path for each verdict of the tree, in each language', () => {
    for (const lang of ['en', 'de']) {
      const sample = new Map<string, [string, string]>();
      for (const [path, page] of verdictPages().filter(([path]) => inGerman(path) === (lang === 'de'))) {
        const verdict = JSON.parse(pages.get(`${path}answer.json`)!).verdict.id;
        if (!sample.has(verdict)) sample.set(verdict, [path, page]);
      }
      expect(sample.size).toBe(Object.keys(tree.verdicts).length);
      for (const [path, page] of sample.values()) {
        const result = run([...terminalLine(page), '--json']);
        expect(result.code, path).toBe(0);
        expect(result.stdout, path).toBe(pages.get(`${path}answer.json`));
      }
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

  it('gives the German verdict in the same order, in German words, with German Back and Change links, and its sources on the German sources page', () => {
    const path = '/de/eu/instagram/photos/public/adult/';
    const page = pages.get(path)!;
    const report = JSON.parse(pages.get(`${path}answer.json`)!);
    const order = [
      `<h1>${report.verdict.title}</h1>`,
      'Ergebnis: opt-out</strong> Es gibt einen offiziellen Weg zum Widerspruch oder ein Opt-out.',
      '<h2>Was du tun kannst</h2>',
      '<h2>Zu beachten</h2>',
      '<h2>Die Quellen sind sich uneinig:',
      '<h2>Quellen</h2>',
      `überprüft am ${report.tree.reviewed}.`,
      'Dieselbe Antwort im Terminal: <code>optout-check --lang de --region eu --platform instagram --content photos --visibility public --age adult</code>',
      '<h2 id="your-answers">Deine Antworten</h2>',
    ].map((text) => page.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('<a class="skip-link" href="#main">Zum Hauptinhalt springen</a>');
    expect(page).toContain('<a class="back-link" href="/de/eu/instagram/photos/public/">Zurück</a>');
    expect(page).toContain('<a href="/de/eu/">Ändern<span class="visually-hidden"> (deine Antwort auf „Um welche App oder welches Produkt von Meta geht es?“)</span></a>');
    expect(page).toContain(`<a href="/de/sources.html#source-${report.sources[0].id}">Die daraus zitierten Textstellen</a>`);
    expect(page).toContain('<span class="visually-hidden">Quelle </span>[1]</a>');
    // None of the site's own English words is left: each of the English page's is in its German above.
    for (const english of ['Skip to main content', '>Back<', '>Change<', 'What you can do', 'Caveats', 'Same answer', 'Your answers', ': reviewed ', 'The passages quoted']) {
      expect(pages.get(path.slice('/de'.length)), english).toContain(english);
      expect(page, english).not.toContain(english);
    }
  });

  it('marks each quoted passage whose language is not the page\'s, and on German pages the English renderings', () => {
    const passages = (page: string, id: string) => page.slice(page.indexOf(`id="source-${id}"`)).split('</article>')[0]!;
    const [en, de] = [pages.get('/sources.html')!, pages.get('/de/sources.html')!];
    // An English passage (the DPC's) and a German one with its English rendering (the LDI NRW's).
    expect(passages(en, 'dpc-2025')).toContain('<blockquote><p>In March 2024');
    expect(passages(de, 'dpc-2025')).toContain('<blockquote lang="en"><p>In March 2024');
    expect(passages(en, 'ldi-nrw-2025')).toContain('<blockquote lang="de"><p>Ein nach dem 27. Mai');
    expect(passages(en, 'ldi-nrw-2025')).toContain('<p class="english">In English: “An objection lodged after 27 May');
    expect(passages(de, 'ldi-nrw-2025')).toContain('<blockquote><p>Ein nach dem 27. Mai');
    expect(passages(de, 'ldi-nrw-2025')).toContain('<p class="english">Auf Englisch: <span lang="en">„An objection lodged after 27 May');
    // The sources and their passages are the same in both: titles and quotes stay as they are.
    const quotes = (page: string) => [...page.matchAll(/<blockquote[^>]*><p>([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(quotes(de)).toEqual(quotes(en));
    expect(quotes(en)).toHaveLength(Object.values(tree.sources).reduce((n, source) => n + (source.quotes?.length ?? 0), 0));
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

  it('builds the German pages of a tree file whose German catalogue beside it is complete, each answer.json as `--lang de --json` prints it', () => {
    const { file, folder } = copyOf('tests/fixtures/objection.yaml', { catalogue: readFileSync(`${ROOT}tests/fixtures/objection.de.yaml`, 'utf8') });
    const result = run(['site', '--tree', file, '--out', join(folder, 'site')]);
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/ \(for \/; languages: en, de\)\.\n$/) });
    expect(read(folder, 'site/de/index.html')).toMatch(/^<!DOCTYPE html>\n<html lang="de">[^]*<title>Testbaum für Widersprüche<\/title>/);
    const verdict = read(folder, 'site/de/eu/facebook/index.html');
    expect(terminalLine(verdict)).toEqual(['--lang', 'de', '--tree', 'objection.yaml', '--region', 'eu', '--app', 'facebook']);
    // The line runs as it is in the tree's folder, where its reader would have the tree.
    expect(run([...terminalLine(verdict), '--json'], { cwd: folder }).stdout).toBe(read(folder, 'site/de/eu/facebook/answer.json'));
  });

  it('leaves out a language whose catalogue is not complete, saying so on stderr: a page half in English is not a German page', () => {
    const catalogue = readFileSync(`${ROOT}tests/fixtures/objection.de.yaml`, 'utf8').replace(/\n  title:\n    hash: \w+\n    text: [^\n]*/, '');
    const { file, folder } = copyOf('tests/fixtures/objection.yaml', { catalogue });
    const result = run(['site', '--tree', file, '--out', join(folder, 'site')]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/ \(for \/; languages: en\)\.\n$/) });
    expect(result.stderr).toBe(`note: no pages in de: the tree's de translation is not complete (optout-check validate ${file} says what it lacks).\n`);
    expect(readdirSync(join(folder, 'site'))).not.toContain('de');
  });
});

/** A copy of a tree file in a new folder (changed by `edit`), with `catalogue` beside it as its German one. */
function copyOf(tree: string, options: { edit?: (source: string) => string; catalogue?: string } = {}): { file: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'optout-check-site-'));
  const name = tree.split('/').at(-1)!;
  const file = join(folder, name);
  writeFileSync(file, (options.edit ?? ((source) => source))(readFileSync(`${ROOT}${tree}`, 'utf8')));
  if (options.catalogue !== undefined) writeFileSync(join(folder, name.replace(/\.(ya?ml|json)$/, '.de.yaml')), options.catalogue);
  return { file, folder };
}

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');

/** A complete German catalogue for a tree: every text as `translate` renders it, with the hash of its English. */
const catalogueFor = (tree: Tree, translate: (english: string) => string): string =>
  `lang: de\nstrings:\n${translatableTexts(tree).map(({ key, text }) => `  ${key}:\n    hash: "${hashText(text)}"\n    text: ${JSON.stringify(translate(text))}\n`).join('')}`;

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

  it('a tree with more answered paths than the cap allows for each of its languages, counting every language\'s pages (2^12 paths, in English and German)', () => {
    const file = chain(12, 'next');
    writeFileSync(file.replace(/\.json$/, '.de.yaml'), catalogueFor(JSON.parse(readFileSync(file, 'utf8')) as Tree, (english) => `DE ${english}`));
    const folder = out();
    const result = run(['site', '--tree', file, '--out', folder]);
    const each = Math.floor(MAX_SITE_PATHS / 2);
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `error: this tree has more than ${each} answered paths; a site is built for at most ${MAX_SITE_PATHS}, one folder each, counted in each of its 2 languages (en, de).\n`,
    });
    expect(() => readdirSync(folder)).toThrow();
  });

  it('a tree whose first question has an answer named as a language of the site (de), whose pages would share its folder', () => {
    const edit = (source: string) => source.replace('{ value: eu,', '{ value: de,');
    const translated = copyOf('tests/fixtures/objection.yaml', { edit, catalogue: readFileSync(`${ROOT}tests/fixtures/objection.de.yaml`, 'utf8') });
    const folder = out();
    const result = run(['site', '--tree', translated.file, '--out', folder]);
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: the answer "de" to this tree\'s first question would be the folder of the site\'s pages in de (/de/): rename the answer, or build without the tree\'s de translation.\n',
    });
    expect(() => readdirSync(folder)).toThrow();
    // Without the translation, the folder is the answer's.
    const english = copyOf('tests/fixtures/objection.yaml', { edit });
    expect(run(['site', '--tree', english.file, '--out', join(english.folder, 'site')]).code).toBe(0);
    expect(read(english.folder, 'site/de/index.html')).toMatch(/^<!DOCTYPE html>\n<html lang="en">[^]*<h1>Which app\?<\/h1>/);
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

describe('a hostile tree with a hostile German translation', () => {
  it('reaches every page in both languages as text, the translation\'s own markup included, and the German plan page\'s words as data', () => {
    const tree = parseYaml(readFileSync(`${ROOT}tests/fixtures/hostile/markup.yaml`, 'utf8')) as Tree;
    const { file, folder } = copyOf('tests/fixtures/hostile/markup.yaml', { catalogue: catalogueFor(tree, (english) => `DE </script><img src=x onerror=alert('de')> ${english}`) });
    const result = run(['site', '--tree', file, '--out', join(folder, 'site')]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/ \(for \/; languages: en, de\)\.\n$/) });
    const html = filesOf(join(folder, 'site')).filter((f) => f.endsWith('.html'));
    expect(html.filter((f) => f.startsWith('de/'))).toHaveLength(8);
    for (const name of html) {
      const page = read(folder, `site/${name}`);
      const tags = new Set([...page.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
      for (const tag of ['img', 'iframe', 'svg', 'style', 'b', 'i', 'u']) expect(tags.has(tag), `${name}: <${tag}>`).toBe(false);
      expect([...page.matchAll(/<script[^>]*>/g)].map((m) => m[0]), name).toEqual(
        name.endsWith('plan.html') ? ['<script type="application/json" id="plan-data">', '<script src="/plan.js" defer>'] : [],
      );
      expect(page, name).not.toMatch(/href="(?!\/|#|https?:)/);
      expect(page, name).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/u);
    }
    expect(read(folder, 'site/de/eu/a/index.html')).toContain(
      '<h1>DE &lt;/script&gt;&lt;img src=x onerror=alert(&#39;de&#39;)&gt; Object &lt;script&gt;alert(&#39;verdict&#39;)&lt;/script&gt;</h1>',
    );
    const data = /<script type="application\/json" id="plan-data">([^<]*)<\/script>/.exec(read(folder, 'site/de/plan.html'))![1]!;
    expect(JSON.parse(data)).toMatchObject({ lang: 'de', tree: { title: "DE </script><img src=x onerror=alert('de')> Title <script>alert('title')</script>" }, words: { 'site.continue': 'Weiter' } });
  });
});
