// How the growth tests measure: work in units (core/limits.ts counts them; what is written counts
// one unit a character), and the built binary's peak memory. Never wall-clock time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workDone } from '../../src/core/limits.js';
import type { Io } from '../../src/io.js';
import { BIN, ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'optout-check-growth-'));
let files = 0;

/** A tree file holding `data` as JSON. */
export function treeFile(data: unknown): string {
  const file = join(dir, `tree-${files++}.json`);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

/** An Io that keeps what is written and never prompts. */
export function quietIo(): Io & { written: () => string } {
  let text = '';
  const sink = { write: (s: string) => ((text += s), true), isTTY: false } as unknown as Io['stdout'];
  return { stdin: { isTTY: false } as Io['stdin'], stdout: sink, stderr: sink, env: {}, onInterrupt: () => () => {}, onSignal: () => () => {}, suspend: () => {}, today: new Date('2026-12-03'), written: () => text };
}

/** The units of work `run` does (expected errors included), and what it writes. */
export async function workOf(run: (io: Io) => unknown): Promise<number> {
  const io = quietIo();
  const before = workDone();
  try {
    await run(io);
  } catch (error) {
    if (typeof (error as { exitCode?: unknown }).exitCode !== 'number') throw error;
    io.stderr.write((error as Error).message);
  }
  return workDone() - before + io.written().length;
}

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory, in megabytes. */
  peakMb: number;
}

/** Runs the built binary with no terminal, and measures its peak memory. */
export function measured(args: string[]): Measured {
  const result = spawnSync(process.execPath, ['--require', `${ROOT}tests/growth/report-rss.cjs`, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  const peakKb = Number(String(result.output[3] ?? ''));
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr), peakMb: peakKb / 1024 };
}
