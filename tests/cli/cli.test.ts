// The built binary, spawned as a user or a script would run it, with no terminal on stdin.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citeNumbers } from '../../src/render/citations.js';
import { BIN, ROOT, run } from '../helpers.js';

const SMALL = ['--tree', 'tests/fixtures/small.yaml'];
const EU_PUBLIC = [...SMALL, '--region', 'eu', '--app', 'feed', '--content', 'posts', '--visibility', 'public'];
const ANSI = /\u001b\[/;

/** A copy of the small tree reviewed on `reviewed`, for the freshness warning. */
function treeReviewedOn(reviewed: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 'dated.yaml');
  writeFileSync(file, readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8').replace("reviewed: '2026-01-01'", `reviewed: '${reviewed}'`));
  return file;
}

describe('help and version', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help for the default tree (prebuilt at build time) is what commander prints live', () => {
    const prebuilt = run(['--help']);
    const live = run(['--tree', 'meta-ai-training', '--help']);
    expect(prebuilt.code).toBe(0);
    expect(prebuilt.stdout).toBe(live.stdout);
    expect(prebuilt.stdout).toMatch(/--platform <value>\s+Which Meta app or product is it about\?/);
  });

  it('`help` and `help <command>` work as gh users expect', () => {
    expect(run(['help']).stdout).toBe(run(['--help']).stdout);
    const validateHelp = run(['help', 'validate']);
    expect(validateHelp.code).toBe(0);
    expect(validateHelp.stdout).toMatch(/^Usage: optout-check validate \[options\] \[files\.\.\.\]/);
  });

  it('--help lists the question flags with their values, examples and exit codes', () => {
    const { code, stdout } = run([...SMALL, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--region <value>\s+Where do you live\? \(eu, us\)/);
    expect(stdout).toMatch(/--content <value>\s+Which content\? \(posts, messages\)/);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('Exit codes:\n  0    an answer was printed, whatever it says\n');
  });
});

describe('quotes: the passages each source is cited for', () => {
  it('stay out of the default verdict, and show under each source with --explain', () => {
    const quote = '“Wir verwenden öffentliche Beiträge, es sei denn, du widersprichst.” (de; in English: “We use public posts unless you object.”) (seen: quoted in a newspaper)';
    expect(run(EU_PUBLIC).stdout).not.toContain('Wir verwenden');
    expect(run([...EU_PUBLIC, '--explain']).stdout).toContain(`  [2] The company, "Company statement", undated (primary). (no web address)\n      ${quote}\n`);
  });

  it('are in the JSON document, with each source', () => {
    const doc = JSON.parse(run([...EU_PUBLIC, '--json']).stdout);
    expect(doc.sources.find((s: { id: string }) => s.id === 'law').quotes).toEqual([{ text: 'Everyone may object to the processing of their public posts.' }]);
  });
});

describe('answers from flags', () => {
  it('prints the verdict, numbered steps, [n] citations, review date, how to run it again, and the sources by kind', () => {
    const { code, stdout } = run(EU_PUBLIC);
    expect(code).toBe(0);
    expect(stdout).toContain('You can object (opt-out)\nPublic posts are used unless you object. [1]');
    expect(stdout).toContain('  1. Fill in the objection form. [1,2]\n     https://example.org/form');
    expect(stdout).toContain('Caveats\n  - Objecting only affects future use. [1]');
    // The reproduce line before the sources, where quitting the pager early does not hide it.
    expect(stdout).toMatch(
      /\n\nReviewed 2026-01-01\. Same answer in a script: optout-check --tree tests\/fixtures\/small\.yaml --region eu --app feed --content posts --visibility public\nSources \[1,2\]: in full, with the passages quoted, with --explain\.\n$/,
    );
    const full = run([...EU_PUBLIC, '--explain']).stdout;
    expect(full).toContain('[1] A regulator, "The law", 2025-05-01 (regulator). https://example.org/law');
    expect(full).toContain('[2] The company, "Company statement", undated (primary). (no web address)');
  });

  it('cites several sources as a list, with runs as ranges', () => {
    expect(citeNumbers([6, 2, 7, 8, 9, 10, 11])).toBe('[2,6–11]');
    expect(citeNumbers([3, 1, 2, 5])).toBe('[1–3,5]');
    expect(citeNumbers([4, 5, 4])).toBe('[4,5]');
    expect(citeNumbers([])).toBe('');
  });

  it('prints a disputed point with both sides cited', () => {
    const { stdout } = run([...SMALL, '--region', 'us']);
    expect(stdout).toContain('Sources disagree: Whether a state law applies\n  - It does not. [1]\n  - It might. [2]');
  });

  it('--answer id=value works for any question, and must agree with the flag', () => {
    const viaAnswer = run([...SMALL, '--answer', 'region=eu', '--answer', 'app=chat', '--answer', 'content=messages', '--json']);
    expect(JSON.parse(viaAnswer.stdout).verdict.id).toBe('not-used');
    const clash = run([...SMALL, '--region', 'eu', '--answer', 'region=us']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('error: --answer region=us and --region eu disagree: give one answer per question');
    const malformed = run([...SMALL, '--answer', 'region']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('expected <question>=<value>');
  });

  it('--json prints exactly one JSON document with the documented fields', () => {
    const { code, stdout } = run([...EU_PUBLIC, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'lang', 'tree', 'answers', 'path', 'verdict', 'sources', 'unused']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.lang).toBe('en');
    expect(doc.tree).toEqual({ id: 'small', title: 'Small test tree', reviewed: '2026-01-01' });
    expect(doc.answers).toEqual({ region: 'eu', app: 'feed', content: 'posts', visibility: 'public' });
    expect(doc.path[2]).toEqual({ question: 'content', node: 'content-feed', answer: 'posts', label: 'Posts' });
    expect(doc.verdict).toMatchObject({ id: 'object', outcome: 'opt-out', title: 'You can object', caveats: [{ text: 'Objecting only affects future use.', sources: ['law'] }] });
    expect(doc.verdict.steps).toEqual([{ text: 'Fill in the objection form.', url: 'https://example.org/form', sources: ['law', 'company'] }]);
    expect(doc.sources.map((s: { id: string }) => s.id)).toEqual(['law', 'company']);
    expect(doc.unused).toEqual([]);
  });

  it('ignores answers the path does not reach, and says so', () => {
    const json = JSON.parse(run([...SMALL, '--region', 'us', '--visibility', 'private', '--json']).stdout);
    expect(json.unused).toEqual(['visibility']);
    const text = run([...SMALL, '--region', 'us', '--visibility', 'private']);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('note: not asked on this path, so ignored: --visibility');
  });

  it('--explain says what each answer decided and what would change the outcome, in text and JSON', () => {
    const text = run([...SMALL, '--region', 'eu', '--app', 'feed', '--content', 'posts', '--visibility', 'private', '--explain']);
    expect(text.stdout).toContain(
      'What each answer decided\n' +
        '  - --region eu, European Union: ruled out no-opt-out, leaving opt-out or not-used.\n' +
        '  - --app feed, Feed app: ruled out no outcome by itself.\n' +
        '  - --content posts, Posts: ruled out no outcome by itself.\n' +
        '  - --visibility private, Friends only: settled not-used, ruling out opt-out.\n',
    );
    expect(text.stdout).toContain('What would change the answer\n  - --region us, United States → no-opt-out\n  - --visibility public, Everyone → opt-out\n');
    const json = JSON.parse(run([...SMALL, '--region', 'us', '--explain', '--json']).stdout);
    expect(json.explain.alternatives).toEqual([{ ask: 'region', answer: 'eu', label: 'European Union', outcomes: ['opt-out', 'not-used'] }]);
    expect(json.explain.steps[0]).toMatchObject({ ask: 'region', ruledOut: ['opt-out', 'not-used'], possible: ['no-opt-out'], kept: 0, leftOut: 0 });
  });

  it('answers a question with a single choice itself, and marks it in the JSON path', () => {
    const { code, stdout } = run([...SMALL, '--region', 'eu', '--app', 'chat', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).path[2]).toEqual({ question: 'content', node: 'content-chat', answer: 'messages', label: 'Messages', auto: true });
  });
});

describe('usage errors exit 2 and say what to do', () => {
  it('a value that is not a choice lists the valid values and suggests the nearest', () => {
    const { code, stdout, stderr } = run([...SMALL, '--region', 'usa']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain('error: --region usa is not a valid answer. Valid values: eu, us. Did you mean us?');
  });

  it('an unknown flag is refused with a suggestion', () => {
    const { code, stderr } = run([...SMALL, '--regoin', 'eu']);
    expect(code).toBe(2);
    expect(stderr).toContain("error: unknown option '--regoin'\n(Did you mean --region?)");
  });

  it('a value valid elsewhere but not on this path says why', () => {
    const { code, stderr } = run([...SMALL, '--region', 'eu', '--app', 'chat', '--content', 'posts']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --content posts does not apply with --app chat (Chat app).');
    expect(stderr).toContain('After --region eu --app chat, "Which content?" takes one of: messages.');
  });

  it('missing answers without a terminal name every missing flag with its values, without hanging', () => {
    const { code, stdout, stderr } = run([...SMALL, '--region', 'eu'], { timeout: 10_000 });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain('no prompt can be shown (stdin is not a terminal)');
    expect(stderr).toContain('--app <feed|chat>  Which app?');
    expect(stderr).toContain('--content <posts|messages>  Which content?');
    expect(stderr).toContain('--visibility <public|private>  Who can see it?');
  });

  it('--no-input never prompts, and says that is why', () => {
    const { code, stderr } = run([...SMALL, '--no-input']);
    expect(code).toBe(2);
    expect(stderr).toContain('(--no-input was given)');
    expect(stderr).toContain('--region <eu|us>');
  });

  it('an unknown tree id suggests the nearest built-in tree; a missing file is named', () => {
    const typo = run(['--tree', 'meta-ai-trainin']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error: no built-in tree "meta-ai-trainin" (did you mean meta-ai-training?)');
    const missing = run(['--tree', 'nope/missing.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: cannot read tree file "nope/missing.yaml": no such file');
    const directory = run(['--tree', 'tests/fixtures/', '--answer', 'region=eu']);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('error: cannot read tree file "tests/fixtures/": not a file');
  });

  it('an empty tree file is an invalid tree, said plainly', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 'empty.yaml');
    writeFileSync(empty, '');
    const { code, stdout } = run(['validate', empty]);
    expect(code).toBe(3);
    expect(stdout).toBe(
      `${empty}:1:1: a tree must be a YAML mapping of id, title, question, reviewed, start, sources, questions and verdicts\n` +
        '1 problem in 1 of 1 tree file\n',
    );
  });

  it('an extra argument is refused', () => {
    expect(run([...SMALL, 'whatever']).code).toBe(2);
  });
});

describe('trees', () => {
  it('an invalid tree file exits 3 with file:line:col problems and no stack trace', () => {
    const { code, stdout, stderr } = run(['--tree', 'tests/fixtures/hostile/cycle.yaml', '--answer', 'q1=a']);
    expect({ code, stdout }).toEqual({ code: 3, stdout: '' });
    expect(stderr).toBe('tests/fixtures/hostile/cycle.yaml:16:37: questions.q2.choices.0.next: cycle: q1 → q2 → q1\n');
  });

  it('--list lists the built-in trees, in text and JSON', () => {
    const { code, stdout } = run(['--list', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.trees).toContainEqual(expect.objectContaining({ id: 'meta-ai-training', reviewed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));
    expect(run(['--list']).stdout).toMatch(/^meta-ai-training {2}.+ \(reviewed \d{4}-\d{2}-\d{2}\)$/m);
  });

  it('warns on stderr when the tree was reviewed more than 180 days ago, and not otherwise', () => {
    const old = run(['--tree', treeReviewedOn('2020-01-31'), '--region', 'us']);
    expect(old.code).toBe(0);
    expect(old.stderr).toMatch(/^warning: "Small test tree" was last reviewed on 2020-01-31, \d+ days ago\./m);
    const today = new Date().toISOString().slice(0, 10);
    expect(run(['--tree', treeReviewedOn(today), '--region', 'us']).stderr).toBe('');
  });
});

describe('output streams and colour', () => {
  it('colours by default when forced, and never with NO_COLOR, --no-color or --json', () => {
    expect(run(EU_PUBLIC, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(run(EU_PUBLIC, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(run([...EU_PUBLIC, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(run([...EU_PUBLIC, '--json'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  it('a closed stdout (| head -1) exits quietly', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${EU_PUBLIC.join(' ')} --explain | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stdout).toBe('You can object (opt-out)\n');
    expect(result.stderr).toMatch(/^(warning: .*\n)?status=0\n$/);
  });

  it('an internal error exits 1 with one line and no stack trace', () => {
    const copy = mkdtempSync(join(tmpdir(), 'optout-check-'));
    cpSync(`${ROOT}bin`, `${copy}/bin`, { recursive: true });
    cpSync(`${ROOT}dist`, `${copy}/dist`, { recursive: true });
    writeFileSync(`${copy}/dist/trees.json`, '{ not json');
    const result = spawnSync(process.execPath, [`${copy}/bin/optout-check.cjs`, '--list'], { encoding: 'utf8', env: { ...process.env, DEBUG: '' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^optout-check: internal error: .*JSON.* \(run with DEBUG=1 for details\)\n$/);
  });
});

describe('validate and matrix', () => {
  it('validate exits 0 for valid trees and 3 with every problem for invalid ones', () => {
    expect(run(['validate', 'tests/fixtures/small.yaml'])).toEqual({ code: 0, stdout: 'tests/fixtures/small.yaml: ok\n', stderr: '' });
    const bad = run(['validate', 'tests/fixtures/small.yaml', 'tests/fixtures/hostile/many-problems.yaml', 'tests/fixtures/hostile/cycle.yaml']);
    expect(bad.code).toBe(3);
    expect(bad.stdout.trim().split('\n')).toHaveLength(8);
    expect(bad.stdout).toMatch(/\n6 problems in 2 of 3 tree files\n$/);
    expect(bad.stderr).toBe('');
  });

  it('validate with no files checks the built-in trees', () => {
    const { code, stdout } = run(['validate']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/trees\/meta-ai-training\.yaml: ok\n/);
  });

  it('validate --json reports each file and problem for machines', () => {
    const { code, stdout } = run(['validate', '--json', 'tests/fixtures/hostile/dangling-next.yaml']);
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual({
      schemaVersion: 1,
      valid: false,
      files: [{ file: 'tests/fixtures/hostile/dangling-next.yaml', valid: false, problems: [{ severity: 'error', line: 13, col: 37, path: 'questions.q1.choices.1.next', message: 'next "nowhere" is not a question or verdict' }] }],
    });
  });

  it('matrix prints every path in each format', () => {
    const json = JSON.parse(run(['matrix', ...SMALL, '--format', 'json']).stdout);
    expect(json).toMatchObject({ schemaVersion: 1, tree: { id: 'small', title: 'Small test tree', reviewed: '2026-01-01' }, keys: ['region', 'app', 'content', 'visibility'] });
    expect(json.rows).toHaveLength(5);
    expect(json.rows[4]).toEqual({ answers: { region: 'us' }, outcome: 'no-opt-out', verdict: 'no-opt-out', sources: ['company', 'law'] });
    const csv = run(['matrix', ...SMALL, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('region,app,content,visibility,outcome,verdict,sources');
    expect(csv[1]).toBe('eu,feed,posts,public,opt-out,object,law company');
    const table = run(['matrix', ...SMALL]).stdout.split('\n');
    expect(table[0]).toBe('region  app   content   visibility  outcome     verdict     sources');
    const markdown = run(['matrix', ...SMALL, '--format', 'markdown']).stdout;
    expect(markdown).toContain('| region | app | content | visibility | outcome | verdict | sources |');
    expect(markdown).toContain('| us |   |   |   | no-opt-out | no-opt-out | company law |');
    const bad = run(['matrix', ...SMALL, '--format', 'yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are table, csv, json, markdown.');
  });
});

describe('large generated trees', () => {
  it.each([['--json'], []])('validate accepts a generated 1,000-node tree (%j): the benchmark measures a valid tree', (...format) => {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 'big.yaml');
    writeFileSync(file, spawnSync(process.execPath, [`${ROOT}scripts/generate-tree.mjs`, '1000', ...format], { encoding: 'utf8' }).stdout);
    expect(run(['validate', file])).toEqual({ code: 0, stdout: `${file}: ok\n`, stderr: '' });
  });
});
