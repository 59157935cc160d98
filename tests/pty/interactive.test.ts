// The interactive flow in a real terminal: questions, answers given as flags, the way back, Ctrl-C.
import { describe, expect, it } from 'vitest';
import { KEY, startInTerminal } from './terminal.js';

const SMALL = ['--tree', 'tests/fixtures/small.yaml'];

describe('interactive, in a real terminal', () => {
  it('asks each question on the path, with its help, answers a single choice itself, and prints the verdict after a blank line', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(SMALL);
    await waitFor('Where do you live?');
    expect(screen()).toContain('Your country of residence decides which rights apply.');
    term.write(KEY.enter); // European Union, the first choice
    await waitFor('Which app?');
    term.write(KEY.down); // Chat app
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    // Messages is the chat app's only content: said, not asked.
    expect(screen()).toMatch(/Only one choice for "Which content\?": Messages\r?\n\r?\nNot used \(not-used\)/);
    expect(screen()).not.toContain('? Which content?');
    expect(screen().replace(/\r?\n/g, ' ')).toContain('Same answer in a script: optout-check --tree tests/fixtures/small.yaml --region eu --app chat --content messages');
    expect(screen()).not.toContain('Who can see it?');
  });

  it('shows the answers given as flags when it starts asking mid-way, and asks only the rest', async () => {
    const { term, screen, waitFor, exited } = startInTerminal([...SMALL, '--region', 'eu', '--app', 'feed']);
    await waitFor('Which content?');
    expect(screen()).toMatch(/From --region: European Union\r?\nFrom --app: Feed app\r?\n/);
    expect(screen()).not.toContain('Where do you live?');
    term.write(KEY.enter); // Posts
    await waitFor('Who can see it?');
    term.write(KEY.down); // Friends only
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    expect(screen()).toContain('Not used (not-used)');
  });

  it('goes back to change an earlier answer, and reaches the verdict for the new one', async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal(SMALL);
    await waitFor('? Where do you live?');
    expect(screen()).not.toContain('← Back'); // nothing to go back to yet
    term.write(KEY.enter); // European Union
    await waitFor('? Which app?');
    expect(screen()).toContain('b back to your last answer'); // the hint says how
    term.write(KEY.enter); // Feed app
    await waitFor('? Which content?');
    term.write(KEY.enter); // Posts
    await waitFor('? Who can see it?');
    // Back three ways: the row above the first choice, the b key, and Backspace.
    for (const [previous, keys] of [['Which content?', KEY.up + KEY.enter], ['Which app?', 'b'], ['Where do you live?', KEY.backspace]] as const) {
      const since = mark();
      term.write(keys);
      await waitFor(`? ${previous}`, since);
    }
    // The history says where it went back from, not as if Back were an answer.
    expect(screen()).toContain('← Back from "Who can see it?"\r\n? Which content?');
    expect(screen()).toContain('← Back from "Which content?"\r\n? Which app?');
    expect(screen()).not.toMatch(/✔ [^\n]*← Back/);
    term.write(KEY.down); // United States, instead of the European Union
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    expect(screen()).toContain('No opt-out (no-opt-out)');
    expect(screen()).toContain('Same answer in a script: optout-check --tree tests/fixtures/small.yaml --region us\r\n');
    expect(screen()).not.toContain('note: not asked on this path'); // the abandoned answers are gone
  });

  it('at 40 columns, Back heads the menu, on its first screen, above the first choice', async () => {
    const { term, screen, mark, waitFor } = startInTerminal([], { cols: 40, rows: 24 });
    await waitFor('? Where do you live?');
    const since = mark();
    term.write(KEY.enter); // EU or EEA
    await waitFor('back to your', since);
    expect(screen().slice(since)).toMatch(/ {2}← Back\r?\n❯ Facebook\r?\n/);
    term.write(KEY.ctrlC);
  });

  it('when a flag does not fit a new answer, says so and asks again', async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal([...SMALL, '--content', 'posts']);
    await waitFor('Where do you live?');
    term.write(KEY.enter); // European Union
    await waitFor('Which app?');
    const since = mark();
    term.write(KEY.down); // Chat app, which has no posts
    term.write(KEY.enter);
    await waitFor('--content posts does not apply after that answer', since);
    await waitFor('? Which app?', since);
    term.write(KEY.up); // from Chat app, the last answer, up to Feed app
    term.write(KEY.enter);
    await waitFor('Who can see it?');
    term.write(KEY.enter); // Everyone
    expect(await exited).toBe(0);
    expect(screen()).toContain('You can object (opt-out)');
  });

  it('--explain after prompting says what each answer decided, holding the prompted answers fixed', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--explain', '--no-pager']);
    for (const prompt of ['Where do you live?', 'Which Meta app', 'What content', 'Who can see it?', 'How old']) {
      await waitFor(prompt);
      term.write(KEY.enter); // EU, Facebook, text posts, public, adult
    }
    expect(await exited).toBe(0);
    expect(screen()).toContain('(opt-out)');
    expect(screen()).toContain('What each answer decided');
    expect(screen()).toMatch(/--age adult, 18 or older: settled opt-out, ruling out /);
    expect(screen()).toMatch(/--region us, United States → no-opt-out\r?\n/);
    expect(screen()).toContain('--visibility private, ');
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
      const { term, colours, waitFor, exited } = startInTerminal([...SMALL, ...flags], { env });
      await waitFor('navigate');
      term.write(KEY.ctrlC);
      await exited;
      expect(colours().length > 0, `colours with ${JSON.stringify(flags)}`).toBe(coloured);
    }
  });

  it('Ctrl-C at a prompt prints "Aborted." and exits 130, with no stack trace', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(SMALL);
    await waitFor('Where do you live?');
    term.write(KEY.ctrlC);
    expect(await exited).toBe(130);
    expect(screen()).toContain('Aborted.');
    expect(screen()).not.toMatch(/\n\s+at /);
    expect(screen()).not.toContain('ExitPromptError');
  });
});
