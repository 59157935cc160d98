// One escaping policy for every output (issue 20): invisible and reordering characters in a tree
// reach no output as they are, Markdown outputs escape markup (F14), addresses are refused where a
// reader could be misled, and the reproduce line is quoted for a shell.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSAFE_CHARACTER } from '../../src/core/safe-text.js';
import { ROOT, run } from '../helpers.js';

const TREE = ['--tree', 'tests/fixtures/hostile/invisible.yaml'];
/** A raw bidi override, isolate, zero-width or tag character, or a line or paragraph separator. */
const RAW_INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029\u{e0000}-\u{e007f}]/u;

describe('invisible and reordering characters reach no output as they are', () => {
  // The bash script and the plain matrix formats hold only ids and values, which the schema restricts to [a-z0-9-].
  const idsOnly = new Set(['completion for bash', 'the matrix as a table', 'the matrix as CSV']);
  const outputs: [string, string[]][] = [
    ['the text verdict', [...TREE, '--region', 'eu', '--explain']],
    ['the JSON verdict', [...TREE, '--region', 'eu', '--json', '--explain']],
    ['the missing-answers error', [...TREE]],
    ['--help for the tree', [...TREE, '--help']],
    ['completion for bash', ['completion', 'bash', ...TREE]],
    ['completion for zsh', ['completion', 'zsh', ...TREE]],
    ['completion for fish', ['completion', 'fish', ...TREE]],
    ['the text plan', ['plan', ...TREE, '--region', 'eu']],
    ['the Markdown plan', ['plan', ...TREE, '--region', 'eu', '--format', 'markdown']],
    ['the JSON plan', ['plan', ...TREE, '--region', 'eu', '--json']],
    ['the matrix as a table', ['matrix', ...TREE]],
    ['the matrix as Markdown', ['matrix', ...TREE, '--format', 'markdown']],
    ['the matrix as CSV', ['matrix', ...TREE, '--format', 'csv']],
    ['the matrix as JSON', ['matrix', ...TREE, '--json']],
  ];
  it.each(outputs)('%s', (name, args) => {
    const { stdout, stderr } = run(args);
    expect(stdout + stderr).not.toMatch(RAW_INVISIBLE);
    expect(stdout + stderr).not.toMatch(UNSAFE_CHARACTER);
    if (!idsOnly.has(name)) expect(stdout + stderr).toMatch(/\\+u(202e|200[bd]|2066)/);
  });

  it('nor does a file name, in validate and in an error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 'tree\u202elmay.yaml');
    copyFileSync(`${ROOT}tests/fixtures/small.yaml`, file);
    const validated = run(['validate', file]);
    expect(validated.stdout).toContain('tree\\u202elmay.yaml: ok');
    const missing = run(['validate', `${file}\u200b`]);
    expect(missing.stdout).toContain('tree\\u202elmay.yaml\\u200b');
    for (const { stdout, stderr } of [validated, missing]) expect(stdout + stderr).not.toMatch(RAW_INVISIBLE);
  });
});

describe('matrix --format markdown escapes tree text as plan does (F14)', () => {
  it('keeps a title with a newline, HTML, a link and a table row on one escaped line', () => {
    const { code, stdout } = run(['matrix', ...TREE, '--format', 'markdown']);
    expect(code).toBe(0);
    const [title, ...rest] = stdout.split('\n');
    expect(title).toBe('# Title\\\\u202eevil\\\\u2066x\\\\u2069 \\# Heading \\<img src=x onerror=alert(1)\\> \\[link\\](https://evil.example) \\| forged \\| row \\|: every path');
    expect(rest.filter((line) => line.startsWith('#'))).toEqual([]);
    expect(stdout).not.toMatch(/(?<!\\)<img|(?<!\\)\]\(/);
    expect(rest.filter((line) => line.startsWith('|'))).toHaveLength(4); // the header, the rule and two paths
  });
});

describe('addresses a reader could be misled by are refused by the schema, so validate names them', () => {
  it('credentials before an @, a host that is not ASCII, and a reordering character', () => {
    const source = readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8')
      .replace('url: https://example.org/law', 'url: "https://accounts.google.com@evil.example/"')
      .replace('  company:\n', '  company:\n    url: "https://gооgle.com/\\u202Eexe"\n');
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 't.yaml');
    writeFileSync(file, source);
    const { code, stdout } = run(['validate', file]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/sources\.law\.url: url must not carry a user name or password \(before an @\): it makes the address look like another host$/m);
    expect(stdout).toMatch(/sources\.company\.url: url must have an ASCII host: write it as xn--ggle-55da\.com, or leave the url out$/m);
  });
});

describe('the reproduce line is quoted for a shell', () => {
  it('a file name with a command in it is one quoted word, and a newline in it forges no line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-'));
    for (const name of ['x;touch PWNED;$(id).yaml', 'x\nSame answer in a script: rm -rf ~.yaml']) {
      const file = join(dir, name);
      copyFileSync(`${ROOT}tests/fixtures/small.yaml`, file);
      const { code, stdout } = run(['--tree', file, '--region', 'us']);
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      const reproduce = lines.filter((line) => line.includes('Same answer in a script'));
      expect(reproduce).toHaveLength(1);
      expect(reproduce[0]).toContain(name.includes('\n') ? `--tree $'${dir}/x\\x0aSame answer in a script: rm -rf ~.yaml' --region us` : `--tree '${file}' --region us`);
    }
  });

  it('in the plan too', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-')), "it's $(id).yaml");
    copyFileSync(`${ROOT}tests/fixtures/plan.yaml`, file);
    const { code, stdout } = run(['plan', '--tree', file, '--region', 'us', '--app', 'feed', '--content', 'posts']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Same plan in a script: optout-check plan --tree '${file.replace("'", "'\\''")}' --region us`);
  });
});
