// A paste into the menu or the checkboxes (issue 20, F13): handled in time linear in its length.
// Before, 32 KB took 13 s of CPU and 266 KB over three minutes; the menu must answer the next key
// long before the usual wait for a screen runs out.
import { writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY, startInTerminal } from './terminal.js';

const PASTE = 'x'.repeat(256 * 1024);

/**
 * Writes `text` to the terminal without ever blocking: node-pty's own write blocks while the
 * program does not read, and a program slow with a paste (as before) writes too, so both would
 * wait for each other. The terminal's descriptor does not block; whatever it does not take is
 * offered again, for up to ten seconds.
 */
async function send(term: ReturnType<typeof startInTerminal>['term'], text: string): Promise<void> {
  const fd = (term as unknown as { _fd: number })._fd;
  let rest = Buffer.from(text);
  const start = Date.now();
  while (rest.length > 0 && Date.now() - start < 10_000) {
    try {
      rest = rest.subarray(writeSync(fd, rest));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs `test` on a terminal, which a failure (a menu still busy with the paste) must not leave running. */
async function withTerminal(args: string[], test: (terminal: ReturnType<typeof startInTerminal>) => Promise<void>): Promise<void> {
  const terminal = startInTerminal(args);
  let ended = false;
  void terminal.exited.then(() => (ended = true));
  try {
    await test(terminal);
  } finally {
    if (!ended) terminal.term.kill('SIGKILL');
  }
}

describe('a large paste', () => {
  it('into the arrow-key menu is dropped, and the next key answers at once', () =>
    withTerminal(['--tree', 'tests/fixtures/small.yaml'], async ({ term, screen, mark, waitFor, exited }) => {
      await waitFor('Where do you live?');
      await send(term, PASTE);
      const since = mark();
      await send(term, KEY.down); // United States
      await send(term, KEY.enter);
      await waitFor('No opt-out (no-opt-out)', since);
      expect(await exited).toBe(0);
      expect(screen()).not.toContain('xxxxxxxx');
    }));

  it('into the plan checkboxes, the same', () =>
    withTerminal(['plan', '--tree', 'tests/fixtures/plan.yaml', '--region', 'us'], async ({ term, mark, waitFor, exited }) => {
      await waitFor('Which app? Choose all that apply.');
      await send(term, PASTE);
      const since = mark();
      // A key right after the paste may come in the same read; an arrow always passes.
      await send(term, KEY.down);
      await waitFor('❯◯ Chat app', since);
      await send(term, KEY.space); // Chat app
      await send(term, KEY.enter);
      await waitFor('Which chat content? Choose all that apply.', since);
      term.write(KEY.ctrlC);
      expect(await exited).toBe(130);
    }));
});
