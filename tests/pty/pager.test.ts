// The pager: only on a terminal, only for a verdict taller than it, PAGER first, else less -FRX.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers.js';
import { startInTerminal } from './terminal.js';

const LONG = ['--tree', 'tests/fixtures/long-text.yaml', '--where', 'long'];
const SHORT = ['--tree', 'tests/fixtures/long-text.yaml', '--where', 'short'];
const PAGER = `"${process.execPath}" "${ROOT}tests/fixtures/fake-pager.cjs" --from-pager-variable`;

describe('the pager', () => {
  it('shows a verdict taller than the terminal through PAGER, with its arguments', async () => {
    const { screen, exited } = startInTerminal(LONG, { env: { PAGER }, rows: 20 });
    expect(await exited).toBe(0);
    expect(screen()).toMatch(/fake pager --from-pager-variable: \d+ lines\r\nA long verdict \(opt-out\)/);
  });

  it('is less -FRX when PAGER is not set, and less is on the PATH', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'optout-check-less-'));
    writeFileSync(join(bin, 'less'), `#!/bin/sh\necho "LESS=$LESS LESSCHARSET=$LESSCHARSET"\nexec "${process.execPath}" "${ROOT}tests/fixtures/fake-pager.cjs" "$@"\n`);
    chmodSync(join(bin, 'less'), 0o755);
    const { screen, exited } = startInTerminal(LONG, { env: { PAGER: undefined, LESS: undefined, LESSCHARSET: undefined, PATH: `${bin}:${process.env.PATH}` }, rows: 20 });
    expect(await exited).toBe(0);
    // With a prompt that says which keys to press, instead of less's bare ":".
    expect(screen()).toContain('fake pager -FRX -Ps?e(END) q to quit:Space for more, b back, q to quit.: ');
    // UTF-8 even where the locale's character set is not installed (or is not UTF-8)...
    expect(screen()).toContain('LESS=FRX LESSCHARSET=utf-8');
    // ...unless the reader's own settings say otherwise.
    const own = startInTerminal(LONG, { env: { PAGER: undefined, LESS: 'R', LESSCHARSET: 'latin1', PATH: `${bin}:${process.env.PATH}` }, rows: 20 });
    expect(await own.exited).toBe(0);
    expect(own.screen()).toContain('LESS=R LESSCHARSET=latin1');
  });

  it('is not used with --no-pager, for a verdict that fits, or when PAGER names no command', async () => {
    const runs = [
      [[...LONG, '--no-pager'], { PAGER }],
      [SHORT, { PAGER }],
      [LONG, { PAGER: 'no-such-pager-anywhere' }],
    ] as const;
    for (const [args, env] of runs) {
      const { screen, exited } = startInTerminal([...args], { env, rows: 20 });
      expect(await exited).toBe(0);
      expect(screen()).not.toContain('fake pager');
      expect(screen()).toMatch(/A (long|short) verdict/);
    }
  });

  it('is never used when stdout is not a terminal', () => {
    const { code, stdout } = run(LONG, { env: { PAGER } });
    expect(code).toBe(0);
    expect(stdout).not.toContain('fake pager');
    expect(stdout).toMatch(/^A long verdict \(opt-out\)\n/);
  });
});
