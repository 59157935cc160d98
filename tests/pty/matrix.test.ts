// `matrix` on a terminal: fitted to its width (a table while it fits, a record per path on a narrow
// one), every path kept, and paged when taller. Pipes get the table as it always was.
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers.js';
import { isBareAddress, printedLines, startInTerminal } from './terminal.js';

const PAGER = `"${process.execPath}" "${ROOT}tests/fixtures/fake-pager.cjs"`;
const paths = JSON.parse(run(['matrix', '--json']).stdout).rows as { answers: Record<string, string>; verdict: string }[];
const regions = [...new Set(paths.map((row) => row.answers.region))];
/** Lines that begin a path: its region first. */
const starts = (screen: string) => screen.split(/\r?\n/).filter((line) => regions.some((region) => line.startsWith(`${region} `)));

describe('matrix on a terminal', () => {
  it.each([80, 40])('at %i columns: nothing wider than the screen, and every path there', async (cols) => {
    const { raw, screen, exited } = startInTerminal(['matrix', '--no-pager'], { cols });
    expect(await exited).toBe(0);
    expect(printedLines(raw()).filter(({ line, width }) => width > cols && !isBareAddress(line))).toEqual([]);
    expect(starts(screen())).toHaveLength(paths.length);
  });

  it('is a table at 80 columns, with the sources counted, and a record per path at 40', async () => {
    const wide = startInTerminal(['matrix', '--no-pager'], { cols: 80 });
    expect(await wide.exited).toBe(0);
    expect(wide.screen()).toMatch(/^region +platform +content +visibility +age +outcome +verdict +sources\r?\neu +facebook +posts +public +adult +opt-out +eu-public- +\d+\r?\n/);
    const narrow = startInTerminal(['matrix', '--no-pager'], { cols: 40 });
    expect(await narrow.exited).toBe(0);
    expect(narrow.screen()).toMatch(/\r?\neu facebook posts public adult\r?\n {2}→ opt-out \(eu-public-objection\), \d+\r?\n {2}sources\r?\n/);
    // Every path's verdict, each path in its order.
    const records = narrow.screen().replace(/\r?\n {2}(?!→)/g, ' ').split(/\r?\n/).filter((line) => line.startsWith('  → '));
    expect(records.map((line) => /\(([^)]+)\)/.exec(line)![1])).toEqual(paths.map((row) => row.verdict));
  });

  it('is paged when taller than the terminal, unless --no-pager or --accessible', async () => {
    const paged = startInTerminal(['matrix'], { env: { PAGER } });
    expect(await paged.exited).toBe(0);
    expect(paged.screen()).toContain('fake pager');
    for (const flag of ['--no-pager', '--accessible']) {
      const { screen, exited } = startInTerminal(['matrix', flag], { env: { PAGER } });
      expect(await exited).toBe(0);
      expect(screen()).not.toContain('fake pager');
    }
  });

  it('to a pipe, and in every other format, stays as it was: one line per path, every source id', () => {
    const table = run(['matrix']).stdout.split('\n');
    expect(table).toHaveLength(paths.length + 2);
    expect(table[1]).toMatch(/^eu +facebook +posts +public +adult +opt-out +eu-public-objection +dpc-2025 /);
  });
});
