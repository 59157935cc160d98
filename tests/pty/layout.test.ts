// What a person sees on terminals of different widths: nothing wider than the screen (except a
// web address, which is never broken), and steps, bullets and examples with hanging indents.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { KEY, isBareAddress, printedLines, startInTerminal } from './terminal.js';

const LONG = ['--tree', 'tests/fixtures/long-text.yaml', '--where', 'long', '--no-pager'];

/** The lines wider than the terminal that are not a web address alone. */
const tooWide = (raw: string, cols: number) => printedLines(raw).filter(({ line, width }) => width > cols && !isBareAddress(line));

describe.each([60, 80])('on a terminal %i columns wide', (cols) => {
  it('wraps the verdict, with continuation lines indented under the step or bullet text', async () => {
    const { raw, screen, exited } = startInTerminal(LONG, { cols });
    expect(await exited).toBe(0);
    expect(tooWide(raw(), cols)).toEqual([]);
    const lines = screen().split(/\r?\n/);
    const first = lines.findIndex((l) => l.startsWith('  1. The first step'));
    expect(lines[first + 1]).toMatch(/^ {5}\S/);
    const tenth = lines.findIndex((l) => l.startsWith('  10. Step ten'));
    expect(lines[tenth + 1]).toMatch(/^ {6}\S/);
    const caveat = lines.findIndex((l) => l.startsWith('  - A caveat'));
    expect(lines[caveat + 1]).toMatch(/^ {4}\S/);
    // The web address is whole, on a line of its own, indented under the step.
    expect(lines).toContain('     https://example.org/form/with/an/address/long/enough/to/need/its/own/line/at/sixty/columns');
  });

  it('keeps the whole session, prompts and the built-in verdict, within the width', async () => {
    const { term, raw, mark, waitFor, exited } = startInTerminal(['--no-pager', '--explain'], { cols });
    for (const prompt of ['? Where do you live?', '? Which Meta app', '? What content', '? Who can see it?', '? How old']) {
      const since = mark();
      await waitFor(prompt, since);
      term.write(KEY.enter); // EU, Facebook, text posts, public, adult
    }
    expect(await exited).toBe(0);
    expect(tooWide(raw(), cols)).toEqual([]);
  });

  it('fits --help to the terminal, examples indented under the command', async () => {
    const { raw, screen, exited } = startInTerminal(['--help'], { cols });
    expect(await exited).toBe(0);
    expect(tooWide(raw(), cols)).toEqual([]);
    const lines = screen().split(/\r?\n/);
    const example = lines.findIndex((l) => l.startsWith('  $ optout-check --region eu'));
    expect(lines[example + 1]).toMatch(/^ {4}\S/);
  });
});

describe('output that is not a terminal', () => {
  it('is not wrapped, so other tools can reflow it', () => {
    const { stdout } = run(LONG);
    expect(stdout).toContain('  1. The first step tells you to open the app, go to the menu, find the settings, then the privacy centre, and then the form, which takes a while to explain. [1]\n');
    expect(run(['--help']).stdout).toMatch(/^ {2}\$ optout-check --region eu --platform instagram --content photos --visibility public --age adult$/m);
  });
});
