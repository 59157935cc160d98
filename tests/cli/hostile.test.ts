// The built binary against hostile trees and an unlucky environment (issue 12): full or closed
// output streams, unreadable files, repeated flags, keys named like Object's own properties, and
// tree text that tries to control the terminal.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, ROOT, run } from '../helpers.js';

const SMALL = ['--tree', 'tests/fixtures/small.yaml'];
const HOSTILE = ['--tree', 'tests/fixtures/hostile/control-chars.yaml'];
/** A control character that is not a newline or a tab: it would act on a terminal. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const STACK_FRAME = /^\s+at .+/m;

const OPTOUT = `"${process.execPath}" "${BIN}"`;

/** Runs a bash command line, so that a test can redirect streams; `status` is that of its first command. */
function shell(command: string): { status: number; output: string } {
  const result = spawnSync('bash', ['-c', `${command}; echo "status=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const status = Number(/status=(\d+)\n$/.exec(result.stdout)?.[1]);
  return { status, output: result.stdout.replace(/status=\d+\n$/, '') + result.stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'optout-check-'));

describe('a stream that cannot be written', () => {
  it.runIf(existsSync('/dev/full')).each([
    [[...SMALL, '--region', 'us']],
    [[...SMALL, '--region', 'us', '--json']],
    [['--help']],
    [['--version']],
    [['matrix', ...SMALL]],
    [['validate', 'tests/fixtures/small.yaml']],
  ])('%j > /dev/full says so in one line and exits 1, without a stack', (args) => {
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^optout-check: cannot write to standard output: no space left on device$/m);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).not.toContain('internal error');
  });

  it('a reader that leaves early (| head -1) keeps the exit code the run earned', () => {
    // Far more than a pipe holds, so the reader is gone before the writing ends.
    const file = join(tempDir(), 'many.yaml');
    writeFileSync(file, `sources:\n${'  same: 1\n'.repeat(5_000)}`);
    const { status, output } = shell(`${OPTOUT} validate ${file} | head -1`);
    expect({ status, first: output.split('\n')[0] }).toEqual({ status: 3, first: `${file}:3:3: duplicate key "same" (first at line 2)` });
  });

  it.runIf(existsSync('/dev/full'))('a full stderr keeps the exit code: 0 for a verdict, 2 for a usage error', () => {
    expect(shell(`${OPTOUT} ${SMALL.join(' ')} --region us 2>/dev/full >/dev/null`).status).toBe(0);
    expect(shell(`${OPTOUT} ${SMALL.join(' ')} --region usa 2>/dev/full`).status).toBe(2);
  });

  it('a closed stderr keeps the exit code', () => {
    const verdict = shell(`${OPTOUT} ${SMALL.join(' ')} --region us --explain 2>&1 | head -c 10`);
    expect(verdict).toEqual({ status: 0, output: 'No opt-out' });
    expect(shell(`${OPTOUT} ${SMALL.join(' ')} --region usa 2>&1 | true`).status).toBe(2);
    expect(shell(`${OPTOUT} ${SMALL.join(' ')} --region usa 2>&-`).status).toBe(2);
  });
});

describe('a tree file that cannot be read', () => {
  // Root reads any file, so the check runs as the unprivileged user "nobody" where it can.
  const asRoot = process.getuid?.() === 0;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
  it.runIf(!asRoot || setpriv)('is a usage error (2) naming the file and "permission denied"', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const file = join(dir, 't.yaml');
    copyFileSync(`${ROOT}tests/fixtures/small.yaml`, file);
    chmodSync(file, 0o000);
    const asNobody = asRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const message = `error: cannot read tree file "${file}": permission denied\n`;
    const asUser = (args: string[]) => spawnSync(asNobody[0]!, [...asNobody.slice(1), BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
    const answer = asUser(['--tree', file, '--region', 'us']);
    expect({ status: answer.status, stderr: answer.stderr }).toEqual({ status: 2, stderr: message });
    // validate's report, this line included, is its output (README: where output goes).
    const validate = asUser(['validate', file]);
    expect({ status: validate.status, stdout: validate.stdout }).toEqual({ status: 2, stdout: `${message}1 of 1 file could not be read\n` });
  });

  it('a loop of symbolic links is said so', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    const loop = shell(`${OPTOUT} validate "${dir}/a.yaml" 2>&1`);
    expect(loop).toEqual({ status: 2, output: `error: cannot read tree file "${dir}/a.yaml": a loop of symbolic links\n1 of 1 file could not be read\n` });
  });

  it('--tree my.json (a bare file name) is a file, as my.yaml is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'my.json'), JSON.stringify(fixture('small.yaml')));
    const { code, stdout } = run(['--tree', 'my.json', '--region', 'us'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Same answer in a script: optout-check --tree my.json --region us');
  });
});

describe('flags that could mean two things', () => {
  it('two --tree flags are refused, for an answer and for the matrix', () => {
    const twice = run(['--tree', 'tests/fixtures/small.yaml', '--tree=meta-ai-training', '--region', 'us']);
    expect(twice).toEqual({ code: 2, stdout: '', stderr: 'error: --tree was given twice (tests/fixtures/small.yaml, then meta-ai-training); pass one tree\n' });
    expect(run(['matrix', '--tree', 'meta-ai-training', '--tree', 'tests/fixtures/small.yaml']).code).toBe(2);
  });

  it.each([[[]], [['--']]])('--answer __proto__=x is refused (exit 2) by either parser (%j)', (tail) => {
    const { code, stderr } = run([...SMALL, '--region', 'us', '--answer', '__proto__=x', ...tail]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'error: this tree asks no question "__proto__".\n' });
  });

  it('a question that asks "constructor" can be answered, and the matrix shows its answers', () => {
    const CTOR = ['--tree', 'tests/fixtures/constructor-key.yaml'];
    for (const answer of [['--constructor', 'public'], ['--answer', 'constructor=public'], ['--constructor', 'public', '--']]) {
      const { code, stdout } = run([...CTOR, '--json', '--region', 'eu', ...answer]);
      expect({ code, verdict: JSON.parse(stdout || '{}').verdict?.id }).toEqual({ code: 0, verdict: 'object' });
    }
    expect(run([...CTOR, '--region', 'eu'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--constructor <public|private>  Which kind of post?') });
    expect(run(['matrix', ...CTOR, '--format', 'csv']).stdout).toBe(
      'region,constructor,outcome,verdict,sources\neu,public,opt-out,object,law\neu,private,no-opt-out,no-route,law\nus,,no-opt-out,no-route,law\n',
    );
  });
});

describe('tree text cannot control the terminal', () => {
  it.each(['text', 'markdown', 'json'])('a plan as %s shows the tree text escaped', (format) => {
    const { code, stdout } = run(['plan', ...HOSTILE, '--region', 'us', '--format', format]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toMatch(format === 'json' ? /Title\\u001b\]0;pwned\\u0007/ : /Title\\+x1b\\?\]0;pwned\\+x07/);
  });

  const outputs: [string, string[]][] = [
    ['the verdict and --explain', [...HOSTILE, '--region', 'eu', '--visibility', 'public', '--explain']],
    ['the stale-tree warning', [...HOSTILE, '--region', 'us']],
    ['the missing-answers error', [...HOSTILE, '--region', 'eu']],
    ['--help for the tree', [...HOSTILE, '--help']],
    // The other matrix formats hold only ids and values, which the schema restricts to [a-z0-9-].
    ['matrix as markdown', ['matrix', ...HOSTILE, '--format', 'markdown']],
  ];
  it.each(outputs)('%s escapes every control character but newline and tab', (_, args) => {
    const { stdout, stderr } = run(args);
    expect(stdout + stderr).not.toMatch(CONTROL);
    // Markdown escapes the bracket and the backslash as well, so that both stay literal.
    expect(stdout + stderr).toMatch(/\\x1b\\?(\]0;pwned\\+x07|\[2J)/);
  });

  it('names each escaped sequence where the tree has it', () => {
    const { stdout, stderr } = run([...HOSTILE, '--region', 'us']);
    expect(stdout).toContain('  1. Step\\x0d\\x1b[K [1]');
    expect(run([...HOSTILE, '--region', 'us', '--explain']).stdout).toContain('  [1] Regulator\\x9b31m, "Law\\x0d\\x1b[K"');
    expect(stdout).toContain('Summary\\x1b[2J\nsecond line [1]');
    expect(stderr).toMatch(/^warning: "Title\\x1b\]0;pwned\\x07" was last reviewed on 2020-01-01/);
  });

  it('--json keeps the text exactly, escaped (C1 and DEL too, which JSON itself would print raw)', () => {
    const verdict = run([...HOSTILE, '--region', 'us', '--json']);
    expect(verdict.code).toBe(0);
    expect(verdict.stdout).not.toMatch(CONTROL);
    expect(verdict.stdout).toContain('"publisher": "Regulator\\u009b31m"');
    expect(JSON.parse(verdict.stdout).verdict.title).toBe('Object\u001b]0;pwned\u0007');
    const matrix = run(['matrix', ...HOSTILE, '--format', 'json']);
    expect(JSON.parse(matrix.stdout).rows).toHaveLength(2);
  });

  it('validate prints each problem on one line, escaped, whatever the keys and values hold', () => {
    const file = join(tempDir(), 'bad.yaml');
    const source = readFileSync(`${ROOT}tests/fixtures/hostile/control-chars.yaml`, 'utf8')
      .replace('start: region', 'start: region\n"\\e]0;pwned\\a\\x9b\\nfake.yaml:1:1: ok": 1')
      .replace('kind: regulator', 'kind: "press\\e[2J"');
    writeFileSync(file, source);
    const { code, stdout, stderr } = run(['validate', file]);
    expect(code).toBe(3);
    expect(stdout + stderr).not.toMatch(CONTROL);
    expect(stdout).toContain(': unknown key "\\x1b]0;pwned\\x07\\x9b\\x0afake.yaml:1:1: ok"\n');
    // Two problems and the summary, one line each.
    expect(stdout.trim().split('\n')).toHaveLength(3);
    const json = run(['validate', '--json', file]).stdout;
    expect(json).not.toMatch(CONTROL);
    expect(JSON.parse(json).files[0].problems[0].message).toBe('unknown key "\u001b]0;pwned\u0007\u009b\nfake.yaml:1:1: ok"');
  });
});
