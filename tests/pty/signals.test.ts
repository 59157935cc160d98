// Signals at a prompt and in the pager (issue 20, F10–F12): the terminal is left as it was found.
// A shell in a real terminal runs the binary and saves `stty -a` before and after, so the mode the
// binary leaves behind is compared with the one it found; the raw output shows the cursor.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';
import { KEY, startInTerminal } from './terminal.js';

const SMALL = '--tree tests/fixtures/small.yaml';
const PLAN = 'plan --tree tests/fixtures/plan.yaml';
const EXIT_CODES: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 };
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

/** The process ids whose parent is `pid` (Linux). */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);

/** The terminal's settings, without the line that names its size. */
const settings = (file: string) => readFileSync(file, 'utf8').replace(/^speed.*\n/, '');

/**
 * `sh` in a terminal: saves the settings, runs the binary with `args` (a string for the shell),
 * says its exit code, and saves the settings again. `binary()` is the binary's process id.
 */
function underShell(args: string, env: Record<string, string> = {}, rows = 40) {
  const dir = mkdtempSync(join(tmpdir(), 'optout-check-stty-'));
  const script = `stty -a > ${dir}/before; "${process.execPath}" "${BIN}" ${args}; echo "exit $?"; stty -a > ${dir}/after; echo "saved"`;
  const terminal = startInTerminal(['-c', script], { program: 'sh', env, rows });
  const binary = () => childrenOf(terminal.term.pid).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(BIN))!;
  return { ...terminal, binary, before: () => settings(`${dir}/before`), after: () => settings(`${dir}/after`) };
}

/** The cursor is shown again after the last time a prompt hid it. */
const cursorShown = (raw: string) => raw.lastIndexOf(SHOW_CURSOR) > raw.lastIndexOf(HIDE_CURSOR);

describe.runIf(existsSync('/proc/self/task'))('a signal at a prompt', () => {
  const cases = (['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGINT'] as const).flatMap((signal) => [
    [signal, 'the arrow-key menu', SMALL, 'navigate'],
    [signal, 'the plan checkboxes', `${PLAN} --region eu`, 'tick'],
  ]);

  it.each(cases)('%s at %s restores the terminal and the cursor, then exits 128 + the signal', async (signal, _, args, shown) => {
    const run = underShell(args);
    await run.waitFor(shown);
    process.kill(run.binary(), signal);
    await run.waitFor('saved');
    expect(run.screen()).toContain(`exit ${EXIT_CODES[signal]}`);
    expect(run.after()).toBe(run.before());
    expect(cursorShown(run.raw())).toBe(true);
    await run.exited;
  });
});

describe.runIf(existsSync('/proc/self/task'))('Ctrl-Z at a prompt', () => {
  /** An interactive shell, with job control: what Ctrl-Z and fg need. */
  function interactiveShell() {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-stty-'));
    const shell = startInTerminal(['--norc', '--noprofile', '-i'], { program: 'bash', env: { PS1: '$ ', HISTFILE: '/dev/null' } });
    return { ...shell, dir, saved: (name: string) => settings(`${dir}/${name}`) };
  }

  it.each([
    ['the arrow-key menu', SMALL, 'navigate', 'Where do you live?'],
    ['the plan checkboxes', `${PLAN} --region eu`, 'tick', 'Which app? Choose all that apply.'],
  ])('at %s restores the terminal, stops, and on fg asks again (boxes ticked as they were), and the answer goes on', async (_, args, shown, question) => {
    const shell = interactiveShell();
    await shell.waitFor('$ ');
    shell.term.write(`stty -a > ${shell.dir}/before; "${process.execPath}" "${BIN}" ${args} --no-pager\r`);
    await shell.waitFor(shown);
    // A box ticked before Ctrl-Z is still ticked after fg.
    if (args.startsWith('plan')) shell.term.write(KEY.space);
    shell.term.write('\u001a'); // Ctrl-Z
    await shell.waitFor('Stopped');
    expect(cursorShown(shell.raw())).toBe(true);
    shell.term.write(`stty -a > ${shell.dir}/stopped; fg\r`);
    const since = shell.mark();
    await shell.waitFor(question, since);
    await shell.waitFor(shown, since);
    if (args.startsWith('plan')) {
      shell.term.write(KEY.enter);
      await shell.waitFor('Which content? Choose all that apply.', since);
      shell.term.write('a');
      shell.term.write(KEY.enter);
      await shell.waitFor('Who can see it?', since);
      shell.term.write(KEY.enter);
    } else {
      shell.term.write(KEY.enter);
      await shell.waitFor('Which app?', since);
      shell.term.write(KEY.down);
      shell.term.write(KEY.enter);
    }
    await shell.waitFor('Same ', since);
    // $? after fg is the job's exit code.
    shell.term.write(`echo "exit $?"; stty -a > ${shell.dir}/after; exit\r`);
    await shell.exited;
    expect(shell.screen().slice(since)).toMatch(/exit 0/);
    expect(shell.screen()).not.toContain('Aborted.');
    expect(shell.saved('stopped')).toBe(shell.saved('before'));
    expect(shell.saved('after')).toBe(shell.saved('before'));
  });
});

describe.runIf(existsSync('/proc/self/task'))('a signal while the pager shows a verdict', () => {
  // Unquoted, so that it is run without a shell, as less is.
  const PAGER = `${process.execPath} ${ROOT}tests/fixtures/waiting-pager.cjs`;
  const LONG = '--tree tests/fixtures/long-text.yaml --where long';

  it.each(['SIGTERM', 'SIGHUP', 'SIGQUIT'] as const)('%s is passed on to the pager, which is waited for; then the exit is 128 + the signal', async (signal) => {
    const run = underShell(LONG, { PAGER }, 20);
    await run.waitFor('waiting pager: ready');
    const binary = run.binary();
    process.kill(binary, signal);
    await run.waitFor('saved');
    // The pager got the signal and ended first; only then did the binary exit.
    expect(run.screen()).toMatch(new RegExp(`waiting pager: ${signal}[^]*exit ${EXIT_CODES[signal]}`));
    expect(run.after()).toBe(run.before());
    await run.exited;
  });
});
