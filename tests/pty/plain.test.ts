// Plain prompts, line by line (TERM=dumb, --accessible, OPTOUT_CHECK_ACCESSIBLE): numbered
// choices and typed answers, with no cursor movement and no redraw.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { KEY, startInTerminal } from './terminal.js';

const SMALL = ['--tree', 'tests/fixtures/small.yaml'];

describe('plain prompts', () => {
  it('with TERM=dumb, asks line by line, takes numbers, values and b for back, and prints no escape sequence at all', async () => {
    const { term, raw, screen, mark, waitFor, exited } = startInTerminal(SMALL, { env: { TERM: 'dumb' }, cols: 60 });
    await waitFor('and press Enter: ');
    expect(screen()).toContain('Where do you live?\r\nYour country of residence decides which rights apply.\r\n  1. European Union\r\n  2. United States\r\n');
    term.write('1\r');
    let since = mark();
    await waitFor('or b to go back, and press Enter: ', since);
    expect(screen()).toContain('  b. Back: change your last answer');
    term.write('feed\r'); // a value works as well as its number
    since = mark();
    await waitFor('Which content?', since);
    term.write('9\r');
    await waitFor('"9" is not one of the choices.', since);
    since = mark();
    term.write('b\r'); // back to the app
    await waitFor('Which app?', since);
    expect(screen()).toContain('  1. Feed app — your last answer');
    term.write('2\r'); // Chat app: its only content is answered without asking
    expect(await exited).toBe(0);
    expect(screen()).toContain('Only one choice for "Which content?": Messages\r\n\r\nNot used (not-used)');
    expect(raw()).not.toContain('\u001b');
  });

  it('on request in any terminal, with --accessible or OPTOUT_CHECK_ACCESSIBLE=1', async () => {
    for (const [flags, env] of [[['--accessible'], {}], [[], { OPTOUT_CHECK_ACCESSIBLE: '1' }]] as const) {
      const { term, screen, waitFor, exited } = startInTerminal([...SMALL, ...flags], { env });
      await waitFor('Type a number from 1 to 2');
      term.write('2\r');
      expect(await exited).toBe(0);
      expect(screen()).not.toContain('navigate');
      expect(screen()).toContain('No opt-out (no-opt-out)');
    }
  });

  it('--accessible means plain throughout: no colour, no pager, help wrapped at words, answers said back, aliases understood', async () => {
    const PAGER = `"${process.execPath}" "${ROOT}tests/fixtures/fake-pager.cjs"`;
    const env = { PAGER, CI: undefined, TERM: 'xterm-256color' }; // an ordinary terminal, colour and pager at hand
    const { term, raw, screen, mark, waitFor, exited } = startInTerminal(['--accessible', '--platform', 'instagram', '--content', 'photos', '--visibility', 'public', '--age', 'adult'], { env, cols: 40, rows: 20 });
    await waitFor('Enter: ');
    // Wrapped at words by the prompter, never mid-word by the terminal.
    expect(screen()).toContain('Answer with the country you live in, not\r\nyour nationality. EU/EEA means the 27 EU\r\n');
    expect(screen()).toContain('  1. EU or EEA (the 27 EU countries,\r\n     Iceland, Liechtenstein, Norway)\r\n');
    let since = mark();
    term.write('germny\r');
    await waitFor('Enter: ', since);
    expect(screen().slice(since).replace(/\r\n/g, ' ')).toContain('"germny" is not one of the choices. Did you mean Germany? That is 1. EU or EEA');
    since = mark();
    term.write('Deutschland\r');
    await waitFor('→ EU or EEA (the 27 EU countries,', since);
    expect(await exited).toBe(0);
    expect(screen().replace(/\r?\n/g, ' ')).toContain('You can object, but only for future training (opt-out)');
    expect(screen()).not.toContain('fake pager');
    expect(raw()).not.toMatch(/\u001b\[[0-9;]*m/);
    expect(screen().replace(/\r?\n/g, ' ')).toContain('optout-check --region eu --platform instagram');
  });

  it('Ctrl-C and Ctrl-D end the session with "Aborted." and exit 130', async () => {
    for (const key of [KEY.ctrlC, KEY.ctrlD]) {
      const { term, screen, waitFor, exited } = startInTerminal(SMALL, { env: { TERM: 'dumb' } });
      await waitFor('and press Enter: ');
      term.write(key);
      expect(await exited).toBe(130);
      expect(screen()).toContain('Aborted.');
    }
  });
});
