// The real binary in a pseudo-terminal, driven with keys as a person would.
import { describe, expect, it } from 'vitest';
import { KEY, startInTerminal } from './terminal.js';

describe('interactive, in a real terminal', () => {
  it('asks each question on the path, with its help, and prints the verdict', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--tree', 'tests/fixtures/small.yaml']);
    await waitFor('Where do you live?');
    expect(screen()).toContain('Your country of residence decides which rights apply.');
    term.write(KEY.enter); // European Union, the first choice
    await waitFor('Which app?');
    term.write(KEY.down); // Chat app
    term.write(KEY.enter);
    await waitFor('Which content?');
    term.write(KEY.enter); // Messages: the only content the chat app offers
    expect(await exited).toBe(0);
    expect(screen()).toContain('Not used (not-used)');
    expect(screen()).toContain('Same answer in a script: optout-check --tree tests/fixtures/small.yaml --region eu --app chat --content messages');
    expect(screen()).not.toContain('Who can see it?');
  });

  it('skips the questions already answered by flags', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--tree', 'tests/fixtures/small.yaml', '--region', 'eu', '--app', 'feed']);
    await waitFor('Which content?');
    term.write(KEY.enter); // Posts
    await waitFor('Who can see it?');
    term.write(KEY.down); // Friends only
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    expect(screen()).not.toContain('Where do you live?');
    expect(screen()).toContain('Not used (not-used)');
  });

  it('--explain after prompting holds the prompted answers fixed in its counterfactuals', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--explain']);
    for (const prompt of ['Where do you live?', 'Which Meta app', 'What content', 'Who can see it?', 'How old']) {
      await waitFor(prompt);
      term.write(KEY.enter); // EU, Facebook, text posts, public, adult
    }
    expect(await exited).toBe(0);
    expect(screen()).toContain('(opt-out)');
    expect(screen()).toMatch(/If --region were us \(United States\) → no-opt-out\r?\n/);
    expect(screen()).toContain('If --visibility were private');
  });

  it('colours the prompt in a terminal, and not with --no-color, even under FORCE_COLOR', async () => {
    // An ordinary terminal: with CI set, Node itself turns colour off.
    const terminal = { CI: undefined, TERM: 'xterm-256color' };
    const runs = [
      [[], terminal, true],
      [['--no-color'], terminal, false],
      [['--no-color'], { ...terminal, FORCE_COLOR: '1' }, false],
    ] as const;
    for (const [flags, env, coloured] of runs) {
      const { term, colours, waitFor, exited } = startInTerminal(['--tree', 'tests/fixtures/small.yaml', ...flags], env);
      await waitFor('navigate');
      term.write(KEY.ctrlC);
      await exited;
      expect(colours().length > 0, `colours with ${JSON.stringify(flags)}`).toBe(coloured);
    }
  });

  it('Ctrl-C at a prompt prints "Aborted." and exits 130, with no stack trace', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--tree', 'tests/fixtures/small.yaml']);
    await waitFor('Where do you live?');
    term.write(KEY.ctrlC);
    expect(await exited).toBe(130);
    expect(screen()).toContain('Aborted.');
    expect(screen()).not.toMatch(/\n\s+at /);
    expect(screen()).not.toContain('ExitPromptError');
  });
});
