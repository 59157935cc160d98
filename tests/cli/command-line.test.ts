// The edges of the command line, spawned as a user or a script meets them: values in any case,
// repeated answers, subcommands that behave alike, unknown words, JSON errors, and validate
// reporting everything in one run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerKeys } from '../../src/core/answers.js';
import type { Io } from '../../src/io.js';
import type { Tree } from '../../src/core/schema.js';
import { buildProgram } from '../../src/program.js';
import { ROOT, run } from '../helpers.js';

const SMALL = ['--tree', 'tests/fixtures/small.yaml'];
const json = (stdout: string) => JSON.parse(stdout);

describe('values match in any case, and show as the tree spells them', () => {
  it('answer values, as flags and as --answer', () => {
    const result = run([...SMALL, '--region', 'EU', '--app', 'Feed', '--answer', 'content=POSTS', '--visibility=Public']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Same answer in a script: optout-check --tree tests/fixtures/small.yaml --region eu --app feed --content posts --visibility public');
    const doc = json(run([...SMALL, '--region', 'EU', '--app', 'Feed', '--answer', 'content=POSTS', '--visibility=Public', '--json']).stdout);
    expect(doc.answers).toEqual({ region: 'eu', app: 'feed', content: 'posts', visibility: 'public' });
    expect(doc.path.map((step: { answer: string }) => step.answer)).toEqual(['eu', 'feed', 'posts', 'public']);
  });

  it('in the error for a value that does not apply on this path', () => {
    const { code, stderr } = run([...SMALL, '--region', 'EU', '--app', 'CHAT', '--content', 'Posts']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --content posts does not apply with --app chat (Chat app).\nAfter --region eu --app chat,');
  });

  it('--format', () => {
    expect(run(['matrix', ...SMALL, '--format', 'CSV']).stdout).toBe(run(['matrix', ...SMALL, '--format', 'csv']).stdout);
    const bad = run(['matrix', ...SMALL, '--format', 'cvs']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error: option '--format <format>' argument 'cvs' is invalid. Allowed choices are table, csv, json, markdown. Did you mean csv?");
  });
});

describe('aliases name a value, which is what every output shows', () => {
  const EU_INSTAGRAM = ['--platform', 'instagram', '--content', 'photos', '--visibility', 'public', '--age', 'adult'];

  it.each([['de'], ['germany'], ['Deutschland'], ['ÖSTERREICH']])('--region %s is eu', (region) => {
    const doc = json(run(['--region', region, ...EU_INSTAGRAM, '--json']).stdout);
    expect(doc.answers.region).toBe('eu');
    expect(doc.path[0]).toMatchObject({ answer: 'eu', label: 'EU or EEA (the 27 EU countries, Iceland, Liechtenstein, Norway)' });
    expect(run(['--region', region, ...EU_INSTAGRAM]).stdout).toContain('optout-check --region eu --platform instagram');
    expect(run(['--answer', `region=${region}`, ...EU_INSTAGRAM, '--json']).stdout).toBe(run(['--region', 'eu', ...EU_INSTAGRAM, '--json']).stdout);
  });

  it('in a plan too', () => {
    const plan = json(run(['plan', '--region', 'Brasil', '--platform', 'facebook', '--content', 'posts', '--visibility', 'public', '--age', 'adult', '--json']).stdout);
    expect(plan.answers.region).toBe('br');
  });

  it('a typo near an alias is told the value it was near', () => {
    const { code, stderr } = run(['--region', 'germny', ...EU_INSTAGRAM]);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --region germny is not a valid answer. Valid values: eu, uk, ch, europe-other, br, us, ca, au, kr, other. Did you mean eu (Germany)?');
    expect(json(run(['--region', 'germny', '--json']).stdout).error.problems[0]).toMatchObject({ value: 'germny', suggestion: 'eu' });
  });

  it('validate refuses an alias that names two values, at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-'));
    const small = readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8');
    const file = join(dir, 'clash.yaml');
    writeFileSync(file, small.replace('{ value: us, label: United States,', '{ value: us, label: United States, aliases: [USA, eu],'));
    expect(run(['validate', file]).stdout).toBe(`${file}:34:59: questions.region.choices.1.aliases.1: alias "eu" of "us" is already the value "eu"\n1 problem in 1 of 1 tree file\n`);
  });
});

describe('a repeated answer', () => {
  it.each([
    [['--region', 'eu', '--region', 'us'], 'error: --region eu and --region us disagree: give one answer per question'],
    [['--answer', 'region=eu', '--answer', 'region=us'], 'error: --answer region=eu and --answer region=us disagree: give one answer per question'],
    [['--region', 'us', '--answer', 'region=eu'], 'error: --answer region=eu and --region us disagree: give one answer per question'],
  ])('%j with another value is a usage error', (args, message) => {
    expect(run([...SMALL, ...args])).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it.each([
    [['--region', 'us', '--region', 'us']],
    [['--region', 'us', '--region', 'US', '--answer', 'region=Us']],
  ])('%j with the same value is fine', (args) => {
    const { code, stdout } = run([...SMALL, ...args, '--json']);
    expect(code).toBe(0);
    expect(json(stdout).answers).toEqual({ region: 'us' });
  });
});

describe('subcommands behave alike', () => {
  it('matrix --json is matrix --format json', () => {
    const viaFlag = run(['matrix', ...SMALL, '--json']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toBe(run(['matrix', ...SMALL, '--format', 'json']).stdout);
    const both = run(['matrix', ...SMALL, '--json', '--format', 'csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("error: option '--json' cannot be used with option '--format <format>'");
  });

  it('every JSON document has schemaVersion 1', () => {
    const documents = [
      run([...SMALL, '--region', 'us', '--json']),
      run(['--list', '--json']),
      run(['validate', '--json', 'tests/fixtures/small.yaml']),
      run(['matrix', ...SMALL, '--json']),
      run([...SMALL, '--region', 'usa', '--json']),
    ];
    for (const { stdout } of documents) expect(json(stdout).schemaVersion).toBe(1);
  });

  it.each([
    [['--help', 'validate']],
    [['-h', 'validate']],
    [['validate', '-h']],
    [['validate', 'some.yaml', '--help']],
    [['--json', 'validate', '--help']],
    [['help', 'validate']],
  ])('%j shows the help of validate', (args) => {
    const { code, stdout } = run(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: optout-check validate \[options\] \[files\.\.\.\]\n/);
  });

  it.each([
    [['matrix', '--tree', 'nope', '--format', 'yaml', '--help'], 'matrix'],
    [['completion', '--help'], 'completion'],
    [[...SMALL, '--region', 'eu', '--region', 'us', '-h'], ''],
  ])('%j shows the help of the command named', (args, command) => {
    const { code, stdout } = run(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: optout-check ${command ? `${command} ` : ''}\\[options\\]`));
  });

  it.each([
    [['matrix', '--bogus'], 'matrix'],
    [['validate', '--bogus'], 'validate'],
    [['completion'], 'completion'],
  ])("%j points to that subcommand's help", (args, command) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`\\n\\(run optout-check ${command} --help for usage\\)\\n$`));
  });

  it('a usage error of the main command points to the main help', () => {
    expect(run(['--bogus']).stderr).toBe("error: unknown option '--bogus'\n(run optout-check --help for usage)\n");
  });
});

describe('unknown commands', () => {
  it.each([
    ['foo', 'error: unknown command "foo". Commands: validate, plan, matrix, changes, sources, site, completion, help.'],
    ['matrx', 'error: unknown command "matrx". Did you mean matrix?'],
    ['list', 'error: unknown command "list". Did you mean --list?'],
    ['version', 'error: unknown command "version". Did you mean --version?'],
  ])('%s is refused with exit 2, saying so', (word, message) => {
    expect(run([word])).toEqual({ code: 2, stdout: '', stderr: `${message}\n(run optout-check --help for usage)\n` });
  });

  it('after options, too', () => {
    expect(run([...SMALL, '--region', 'eu', 'eu']).stderr).toMatch(/^error: unknown command "eu"\./);
  });

  it('help <unknown> says the same, instead of printing the main help', () => {
    expect(run(['help', 'nope'])).toEqual({ code: 2, stdout: '', stderr: 'error: unknown command "nope". Commands: validate, plan, matrix, changes, sources, site, completion, help.\n(run optout-check --help for usage)\n' });
  });

  it('-v prints the version, as -V and --version do', () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    for (const flag of ['-v', '-V', '--version']) expect(run([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('with --json, a usage error or an invalid tree is also one JSON document on stdout', () => {
  /** Runs with --json first: the human message on stderr, the JSON document on stdout. */
  function jsonError(args: string[], exitCode = 2) {
    const result = run(['--json', ...args]);
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toMatch(/^(error: |tests\/)/);
    const doc = json(result.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'error']);
    expect(doc.schemaVersion).toBe(1);
    expect(result.stderr).toContain(doc.error.message.split('\n')[0]);
    return doc.error;
  }

  it('missing-answers: each flag still needed, with its values', () => {
    expect(jsonError([...SMALL, '--region', 'eu', '--app', 'feed'])).toEqual({
      code: 'missing-answers',
      message: expect.stringMatching(/^missing answers, and no prompt can be shown \(stdin is not a terminal\)\. Pass them as flags:\n/),
      missing: [
        { flag: '--content', values: ['posts', 'messages'], prompt: 'Which content?' },
        { flag: '--visibility', values: ['public', 'private'], prompt: 'Who can see it?' },
      ],
    });
  });

  it('invalid-value and unknown-option, for each answer', () => {
    expect(jsonError([...SMALL, '--region', 'usa', '--app', 'Feed', '--visibility', 'pubic'])).toMatchObject({
      code: 'invalid-value',
      problems: [
        { code: 'invalid-value', flag: '--region', value: 'usa', values: ['eu', 'us'], suggestion: 'us' },
        { code: 'invalid-value', flag: '--visibility', value: 'pubic', values: ['public', 'private'], suggestion: 'public' },
      ],
    });
    expect(jsonError([...SMALL, '--answer', 'colour=red'])).toMatchObject({ code: 'unknown-option', problems: [{ code: 'unknown-option', flag: '--colour', value: 'red' }] });
    expect(jsonError([...SMALL, '--regoin', 'eu'])).toEqual({ code: 'unknown-option', message: "unknown option '--regoin'\n(Did you mean --region?)" });
    expect(jsonError(['matrix', '--format', 'yaml']).code).toBe('invalid-value');
  });

  it('not-applicable, with the values that apply', () => {
    expect(jsonError([...SMALL, '--region', 'eu', '--app', 'chat', '--content', 'posts'])).toMatchObject({
      code: 'not-applicable',
      flag: '--content',
      value: 'posts',
      values: ['messages'],
    });
  });

  it('conflicting-answers, missing-value, unknown-command and unknown-tree', () => {
    expect(jsonError([...SMALL, '--region', 'eu', '--region', 'us'])).toMatchObject({ code: 'conflicting-answers', flag: '--region', values: ['eu', 'us'] });
    expect(jsonError([...SMALL, '--region']).code).toBe('missing-value');
    expect(jsonError(['foo'])).toMatchObject({ code: 'unknown-command', command: 'foo' });
    expect(jsonError(['--tree', 'nope']).code).toBe('unknown-tree');
  });

  it('invalid-tree (exit 3), with each problem', () => {
    expect(jsonError(['--tree', 'tests/fixtures/hostile/cycle.yaml'], 3)).toEqual({
      code: 'invalid-tree',
      message: 'tests/fixtures/hostile/cycle.yaml:16:37: questions.q2.choices.0.next: cycle: q1 → q2 → q1',
      problems: [{ file: 'tests/fixtures/hostile/cycle.yaml', severity: 'error', line: 16, col: 37, path: 'questions.q2.choices.0.next', message: 'cycle: q1 → q2 → q1' }],
    });
  });

  it('without --json, stdout stays empty', () => {
    expect(run([...SMALL, '--region', 'usa']).stdout).toBe('');
    expect(run(['--tree', 'tests/fixtures/hostile/cycle.yaml']).stdout).toBe('');
  });
});

describe('validate reports everything in one run', () => {
  it('a schema problem and a dangling next together, sorted by file then line, all on stdout', () => {
    const { code, stdout, stderr } = run(['validate', 'tests/fixtures/small.yaml', 'tests/fixtures/hostile/schema-and-graph.yaml', 'tests/fixtures/hostile/cycle.yaml']);
    expect({ code, stderr }).toEqual({ code: 3, stderr: '' });
    expect(stdout).toBe(
      [
        'tests/fixtures/hostile/cycle.yaml:16:37: questions.q2.choices.0.next: cycle: q1 → q2 → q1',
        'tests/fixtures/hostile/schema-and-graph.yaml:13:13: questions.q1.colour: unknown key "colour"',
        'tests/fixtures/hostile/schema-and-graph.yaml:16:37: questions.q1.choices.1.next: next "nowhere" is not a question or verdict',
        'tests/fixtures/hostile/schema-and-graph.yaml:18:18: verdicts.v1.outcome: outcome must be one of opt-out, no-opt-out, not-used, limited',
        'tests/fixtures/hostile/schema-and-graph.yaml:18:96: verdicts.v1.steps.0.sources.1: unknown source "s9"',
        'tests/fixtures/small.yaml: ok',
        '5 problems in 2 of 3 tree files',
        '',
      ].join('\n'),
    );
  });

  it('an unreadable file is reported, the others are still checked, and the exit code is 2', () => {
    const text = run(['validate', 'missing.yaml', 'tests/fixtures/hostile/cycle.yaml', 'tests/fixtures/small.yaml']);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe(
      'error: cannot read tree file "missing.yaml": no such file\n' +
        'tests/fixtures/hostile/cycle.yaml:16:37: questions.q2.choices.0.next: cycle: q1 → q2 → q1\n' +
        'tests/fixtures/small.yaml: ok\n' +
        '1 problem in 1 of 3 tree files; 1 of 3 files could not be read\n',
    );
    const machine = run(['validate', '--json', 'missing.yaml', 'tests/fixtures/small.yaml']);
    expect(machine.code).toBe(2);
    expect(json(machine.stdout)).toEqual({
      schemaVersion: 1,
      valid: false,
      files: [
        { file: 'missing.yaml', valid: false, error: 'cannot read tree file "missing.yaml": no such file', problems: [] },
        { file: 'tests/fixtures/small.yaml', valid: true, problems: [] },
      ],
    });
  });

  it('paths are printed as given, and the built-in trees relative to the working directory', () => {
    expect(run(['validate', './tests/fixtures/small.yaml']).stdout).toBe('./tests/fixtures/small.yaml: ok\n');
    expect(run(['validate']).stdout).toMatch(/^trees\/meta-ai-training\.yaml: ok\b/m);
    // Outside the package, a relative path would climb out of the working directory: it stays absolute.
    const elsewhere = mkdtempSync(join(tmpdir(), 'optout-check-'));
    expect(run(['validate'], { cwd: elsewhere }).stdout).toMatch(new RegExp(`^${ROOT}trees/meta-ai-training\\.yaml: ok\\b`, 'm'));
  });

  it('a file in the working directory keeps the name it was given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-'));
    writeFileSync(join(dir, 'mine.yaml'), readFileSync(`${ROOT}tests/fixtures/small.yaml`));
    expect(run(['validate', 'mine.yaml'], { cwd: dir }).stdout).toBe('mine.yaml: ok\n');
  });
});

describe('an option means the same before a command as after it, or is refused in both places', () => {
  // Every option of the main command, from the program itself, so that a new option is covered too.
  const tree = (JSON.parse(readFileSync(`${ROOT}dist/trees.json`, 'utf8')) as Tree[])[0]!;
  const silent = { write: () => true } as unknown as Io['stdout'];
  const handlers = { answer: async () => {}, plan: async () => {}, run: async () => {} };
  const program = buildProgram(tree, { stdout: silent, stderr: silent, env: {}, onInterrupt: () => () => {}, onSignal: () => () => {} }, handlers);
  const sample = (option: { long?: string; required: boolean; optional: boolean }): string[] => {
    const name = option.long!;
    if (!option.required && !option.optional) return [name];
    if (name === '--tree') return [name, 'tests/fixtures/small.yaml'];
    if (name === '--answer') return [name, 'region=eu'];
    if (name === '--lang') return [name, 'en'];
    return [name, answerKeys(tree).find((k) => `--${k.key}` === name)!.values[0]!];
  };
  // Each command (with the words that name it) and what it needs to run to the end.
  const commands: [string[], string[]][] = [
    [['validate'], ['tests/fixtures/small.yaml']],
    [['plan'], ['--region', 'eu', '--platform', 'facebook,whatsapp', '--content', 'all', '--visibility', 'public', '--age', 'adult']],
    [['matrix'], ['--format', 'csv']],
    [['completion'], ['bash']],
    [['changes'], ['docs/plan.md']],
    // Always a tree with no web address: a test must not reach beyond this machine.
    [['sources', 'check'], ['--tree', 'tests/fixtures/no-addresses.yaml']],
    [['site'], ['--out', '<new folder>']],
  ];
  const out = () => join(mkdtempSync(join(tmpdir(), 'optout-check-site-')), 'site');
  const runAt = (args: string[]) => {
    const folder = out();
    const result = run(args.map((arg) => (arg === '<new folder>' ? folder : arg)));
    return { ...result, stdout: result.stdout.replaceAll(folder, '<new folder>'), stderr: result.stderr.replaceAll(folder, '<new folder>') };
  };

  it.each(commands.map(([words, rest]) => [words.join(' '), words, rest] as const))('%s', (_, words, rest) => {
    // sources check has its --tree already (one without addresses), and a second is refused.
    for (const option of program.options.map(sample).filter(([name]) => !(name === '--tree' && rest.includes('--tree')))) {
      const before = runAt([...option, ...words, ...rest]);
      const after = runAt([...words, ...rest, ...option]);
      expect(before, `${option.join(' ')} ${words.join(' ')}`).toEqual(after);
    }
  });

  it('--tree before matrix and completion names the tree they use', () => {
    expect(run([...SMALL, 'matrix']).stdout).toBe(run(['matrix', ...SMALL]).stdout);
    expect(run([...SMALL, 'matrix']).stdout).toMatch(/^region +app +content/);
    expect(run([...SMALL, 'completion', 'bash']).stdout).toContain('from the tree "small"');
  });

  it('an option a command does not take is refused before it too, naming that command', () => {
    expect(run(['--list', 'plan'])).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--list'\n(run optout-check plan --help for usage)\n" });
    expect(run(['--region', 'eu', 'matrix']).stderr).toBe("error: unknown option '--region'\n(run optout-check matrix --help for usage)\n");
    expect(run([...SMALL, 'validate']).code).toBe(2);
  });
});
