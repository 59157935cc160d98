// `optout-check sources check`, spawned as a maintainer runs it, against a web server on
// 127.0.0.1 that serves every awkward case (server.ts). Short timeouts and no pause between
// requests keep it to seconds.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/core/freshness.js';
import { runAsync, type Run } from '../helpers.js';
import { fixtureTree, QUOTE_DE, startServer, type FixtureServer, type FixtureSource } from './server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

// The slow page answers after 6 s; every other page answers well within 2 s, even on a busy machine.
const FAST = ['--timeout', '2', '--delay', '0'];

/** Each case of the server, with the status a check must give it. */
const CASES: [status: string, source: FixtureSource][] = [
  ['ok', { id: 'verbatim', path: '/verbatim' }],
  ['ok', { id: 'typographic', path: '/typographic' }],
  ['quote-changed', { id: 'reworded', path: '/reworded' }],
  ['quote-missing', { id: 'removed', path: '/removed' }],
  ['moved', { id: 'chain-301', path: '/chain-301' }],
  ['ok', { id: 'chain-302', path: '/chain-302' }],
  ['unreachable', { id: 'loop', path: '/loop-a' }],
  ['gone', { id: 'not-found', path: '/404' }],
  ['gone', { id: 'gone-410', path: '/410' }],
  ['blocked', { id: 'forbidden', path: '/403' }],
  ['blocked', { id: 'too-many', path: '/429' }],
  ['ok', { id: 'unavailable-once', path: '/503-then-200' }],
  ['unreachable', { id: 'slow', path: '/slow' }],
  ['not-checked', { id: 'huge', path: '/huge' }],
  ['ok', { id: 'gzip', path: '/gzip' }],
  ['ok', { id: 'brotli', path: '/brotli' }],
  ['ok', { id: 'windows-1252', path: '/windows-1252' }],
  ['ok', { id: 'iso-8859-1', path: '/iso-8859-1' }],
  ['not-checked', { id: 'pdf', path: '/pdf' }],
  ['blocked', { id: 'empty', path: '/empty' }],
  ['blocked', { id: 'bot-wall', path: '/bot-wall' }],
  ['ok', { id: 'german', path: '/german', quotes: [`      - text: ${JSON.stringify(QUOTE_DE)}`, '        lang: de', '        en: We use public posts unless you object.'] }],
];

describe('sources check --json: every case gets its status', () => {
  let result: Run;
  let doc: { schemaVersion: number; checked: string; sources: { id: string; url: string; status: string; finalUrl?: string; httpStatus?: number; quotes: { status: string; similarity?: number }[] }[] };
  const entry = (id: string) => doc.sources.find((s) => s.id === id)!;
  const requests = (path: string) => server.seen.filter((s) => s.path === path);

  beforeAll(async () => {
    const tree = fixtureTree(
      server.base,
      CASES.map(([, source]) => source),
    );
    result = await runAsync(['sources', 'check', '--tree', tree, '--json', ...FAST]);
    doc = JSON.parse(result.stdout);
  });

  it('exits 4, something needing a person, and prints the document of the issue', () => {
    expect(result.code, result.stderr).toBe(4);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.checked).toBe(dayOf(new Date()));
    for (const source of doc.sources) expect(Object.keys(source)).toEqual(expect.arrayContaining(['id', 'url', 'status', 'quotes']));
  });

  it.each(CASES)('%s: %o', (status, { id }) => {
    expect(entry(id).status).toBe(status);
  });

  it('lists the addresses worst first', () => {
    const order = ['gone', 'quote-missing', 'quote-changed', 'moved', 'unreachable', 'blocked', 'not-checked', 'ok'];
    const ranks = doc.sources.map((s) => order.indexOf(s.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('gives the quotes’ findings, with a similarity for a changed one', () => {
    expect(entry('verbatim').quotes).toEqual([{ status: 'found' }]);
    expect(entry('removed').quotes).toEqual([{ status: 'missing' }]);
    expect(entry('reworded').quotes).toEqual([{ status: 'changed', similarity: expect.any(Number) }]);
    expect(entry('reworded').quotes[0]!.similarity).toBeGreaterThanOrEqual(0.75);
  });

  it('follows and records redirects: where they led, and the HTTP status there', () => {
    expect(entry('chain-301')).toMatchObject({ finalUrl: `${server.base}/verbatim`, httpStatus: 200 });
    expect(entry('chain-302')).toMatchObject({ finalUrl: `${server.base}/verbatim`, httpStatus: 200 });
    expect(entry('not-found').httpStatus).toBe(404);
    expect(entry('slow').httpStatus).toBeUndefined();
  });

  it('asks a 429 again after its Retry-After, twice, then lets it stand; a 503 once more', () => {
    const asked = requests('/429');
    expect(asked).toHaveLength(3);
    // Retry-After: 1, so at least a second between the tries (a lower bound holds on a busy machine).
    expect(asked[1]!.at - asked[0]!.at).toBeGreaterThanOrEqual(950);
    expect(asked[2]!.at - asked[1]!.at).toBeGreaterThanOrEqual(950);
    expect(requests('/503-then-200')).toHaveLength(2);
  });

  it('asks one host one thing at a time, names itself, and asks for the quotes’ language', () => {
    expect(server.mostAtOnce()).toBe(1);
    expect(requests('/verbatim')[0]!.userAgent).toMatch(/^optout-check\/\d+\.\d+\.\d+ \(sources check\)$/);
    expect(requests('/verbatim')[0]!.acceptLanguage).toBe('en');
    expect(requests('/german')[0]!.acceptLanguage).toBe('de, en;q=0.5');
  });
});

describe('sources check for people', () => {
  const SOME: FixtureSource[] = [
    { id: 'verbatim', path: '/verbatim' },
    { id: 'reworded', path: '/reworded' },
    { id: 'removed', path: '/removed', quotes: ['      - text: "Gone words <script>alert(1)</script> \\e[2J *bold*"'] },
    { id: 'chain-301', path: '/chain-301' },
    { id: 'not-found', path: '/404' },
    { id: 'forbidden', path: '/403' },
    { id: 'offline', quotes: ['      - text: Seen in print.', '        seen: a printed leaflet'] },
  ];
  let tree: string;
  beforeAll(() => {
    tree = fixtureTree(server.base, SOME);
  });

  it('text: a summary, then the statuses worst first, with what a person needs to act', async () => {
    const { code, stdout } = await runAsync(['sources', 'check', '--tree', tree, ...FAST]);
    expect(code).toBe(4);
    expect(stdout).toMatch(/^Web fixture tree \(web-fixture\), \d{4}-\d{2}-\d{2}: 6 addresses of 6 sources checked\. 4 need a person; 1 warning; 1 ok\.\n/);
    const headings = stdout.split('\n').filter((line) => /^[A-Z-]+ \(\d+\)/.test(line)).map((line) => line.split(' ')[0]);
    expect(headings).toEqual(['GONE', 'QUOTE-MISSING', 'QUOTE-CHANGED', 'MOVED', 'BLOCKED', 'OK']);
    expect(stdout).toContain(`  not-found  ${server.base}/404\n    HTTP 404\n`);
    expect(stdout).toContain(`    new address: ${server.base}/verbatim\n`);
    expect(stdout).toMatch(/ {4}changed \(\d+% alike\): “Everyone may object[^\n]*”\n {6}now: “[^\n]*but only within[^\n]*”\n {6}difference: [^\n]*\[-at any time\.-\]\{\+but only within/);
    // The tree's text is shown, its control characters escaped.
    expect(stdout).toContain('    missing: “Gone words <script>alert(1)</script> \\x1b[2J *bold*”');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('No web address, so not checked: offline.');
  });

  it('markdown: fit for an issue body, with escaped text and the ok ones folded away', async () => {
    const { code, stdout } = await runAsync(['sources', 'check', '--tree', tree, '--format', 'markdown', ...FAST]);
    expect(code).toBe(4);
    expect(stdout).toMatch(/^## Source check: Web fixture tree\n\n/);
    expect(stdout).toContain(`### Gone (1): the page is gone (404 or 410)\n\n- **not-found** <${server.base}/404>\n  - HTTP 404\n`);
    expect(stdout).toContain('  - Missing: “Gone words \\<script\\>alert(1)\\</script\\> \\\\x1b\\[2J \\*bold\\*”');
    expect(stdout).toMatch(/ {2}- Changed \(\d+% alike\): “Everyone[^\n]*\n {4}- Now: “[^\n]*”\n {4}- Difference: ` [^`\n]*\[-at any time\.-\][^`\n]* `\n/);
    expect(stdout).toContain(`<details><summary>OK (1): every quote found at the address</summary>\n\n- **verbatim** <${server.base}/verbatim>\n\n</details>`);
  });

  it('exits 0 when nothing needs a person: a blocked page and a PDF are warnings', async () => {
    const calm = fixtureTree(server.base, [
      { id: 'verbatim', path: '/verbatim' },
      { id: 'forbidden', path: '/403' },
      { id: 'pdf', path: '/pdf' },
    ]);
    const { code, stdout } = await runAsync(['sources', 'check', '--tree', calm, ...FAST]);
    expect(code).toBe(0);
    expect(stdout).toContain('None needs a person; 2 warnings; 1 ok.');
  });

  it('--archive names the closest snapshot of each page gone or missing a quote, and asks for no other', async () => {
    const before = server.seen.filter((s) => s.path === '/wayback/available').length;
    const { stdout } = await runAsync(['sources', 'check', '--tree', tree, '--archive', '--json', ...FAST], { OPTOUT_CHECK_WAYBACK_API: `${server.base}/wayback/available` });
    const archived = JSON.parse(stdout).sources.filter((s: { archive?: string }) => s.archive).map((s: { id: string; archive: string }) => [s.id, s.archive]);
    expect(archived).toEqual([
      ['not-found', `http://web.archive.org/web/20261125000000/${server.base}/404`],
      ['removed', `http://web.archive.org/web/20261125000000/${server.base}/removed`],
    ]);
    expect(server.seen.filter((s) => s.path === '/wayback/available').length - before).toBe(2);
  });

  it('refuses bad politeness settings as usage errors', async () => {
    for (const bad of [['--timeout', '0'], ['--delay', '-1'], ['--concurrency', '1.5'], ['--concurrency', 'many']]) {
      const { code, stderr } = await runAsync(['sources', 'check', '--tree', tree, ...bad]);
      expect(code, bad.join(' ')).toBe(2);
      expect(stderr).toMatch(/^error: option '--\w+ <\w+>' argument '[^']*' is invalid\. expected a (whole )?number of at least/);
    }
  });
});

describe('sources check --update', () => {
  it('writes checked: <today> on each source whose quotes were all found, and changes no other line', async () => {
    const tree = fixtureTree(server.base, [
      { id: 'verbatim', path: '/verbatim' },
      { id: 'typographic', path: '/typographic' },
      { id: 'removed', path: '/removed' },
      { id: 'moved', path: '/chain-301' },
      { id: 'forbidden', path: '/403' },
    ]);
    const before = readFileSync(tree, 'utf8');
    const { code, stderr } = await runAsync(['sources', 'check', '--tree', tree, '--update', ...FAST]);
    expect(code).toBe(4);
    const today = dayOf(new Date());
    expect(stderr).toBe(`--update: checked: ${today} on 2 sources in ${tree}\n`);
    const after = readFileSync(tree, 'utf8');
    expect(after.split('\n').filter((line) => line.includes('checked:'))).toEqual([`    checked: '${today}'`, `    checked: '${today}'`]);
    expect(after.split('\n').filter((line) => !line.includes('checked:'))).toEqual(before.split('\n'));
    expect(after).toContain(`url: ${server.base}/verbatim\n    published: '2025-05-01'\n    checked: '${today}'\n`);
    expect(after).toContain('# One source per case; the comments must survive --update.');

    // Run again, with an older date in the file: it is replaced in place.
    writeFileSync(tree, after.replaceAll(`checked: '${today}'`, "checked: '2026-01-01'"));
    await runAsync(['sources', 'check', '--tree', tree, '--update', ...FAST]);
    expect(readFileSync(tree, 'utf8')).toBe(after);
  });

  it('then --explain shows the date under the source, and --json carries it', async () => {
    const tree = fixtureTree(server.base, [{ id: 'verbatim', path: '/verbatim' }]);
    await runAsync(['sources', 'check', '--tree', tree, '--update', ...FAST]);
    const today = dayOf(new Date());
    const explained = await runAsync(['--tree', tree, '--region', 'eu', '--explain']);
    expect(explained.stdout).toContain(`      (quotes last found at the address on ${today})\n`);
    const json = JSON.parse((await runAsync(['--tree', tree, '--region', 'eu', '--json'])).stdout);
    expect(json.sources[0].checked).toBe(today);
  });

  it('leaves the file alone when nothing was confirmed', async () => {
    const tree = fixtureTree(server.base, [{ id: 'removed', path: '/removed' }]);
    const copy = `${tree}.before`;
    copyFileSync(tree, copy);
    await runAsync(['sources', 'check', '--tree', tree, '--update', ...FAST]);
    expect(readFileSync(tree, 'utf8')).toBe(readFileSync(copy, 'utf8'));
  });
});

describe('validate --max-age', () => {
  it('warns about sources never checked or checked too long ago; off by default', async () => {
    const tree = fixtureTree(server.base, [{ id: 'verbatim', path: '/verbatim' }, { id: 'offline', quotes: ['      - text: In print.', '        seen: a leaflet'] }]);
    writeFileSync(tree, readFileSync(tree, 'utf8').replace("published: '2025-05-01'\n", "published: '2025-05-01'\n    checked: '2025-01-01'\n"));
    expect(await runAsync(['validate', tree])).toMatchObject({ code: 0, stdout: `${tree}: ok\n` });
    const { code, stdout } = await runAsync(['validate', tree, '--max-age', '90']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${tree}:15:14: warning: sources\\.verbatim\\.checked: source "verbatim" was last checked \\d+ days ago, on 2025-01-01 \\(more than 90\\)\\n${tree}: ok \\(1 warning\\)\\n$`));
    expect((await runAsync(['validate', tree, '--max-age', 'soon'])).code).toBe(2);
  });
});
