// Shared test helpers: load fixture trees through the real loader, and run the built binary.
import { execFile, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTree } from '../src/load/tree-file.js';
import type { Tree } from '../src/core/schema.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = `${ROOT}bin/optout-check.cjs`;

export function fixture(name: string): Tree {
  const file = `${ROOT}tests/fixtures/${name}`;
  const { tree, problems } = parseTree(readFileSync(file, 'utf8'), file);
  if (!tree) throw new Error(`fixture ${name} is invalid:\n${problems.map((p) => p.message).join('\n')}`);
  return tree;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An English locale, whatever the machine's, so that output does not depend on who runs the tests. */
export const ENGLISH_LOCALE = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', OPTOUT_CHECK_LANG: '' };

/** Runs the built binary as a user would, with no terminal on stdin (as in CI). */
export function run(args: string[], options: SpawnSyncOptions = {}): Run {
  const env = { ...process.env, ...ENGLISH_LOCALE, NO_COLOR: '', FORCE_COLOR: '0', ...(options.env ?? {}) };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT, ...options, env });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Like run, but without blocking this process: for tests that serve the binary from here (a web server). */
export function runAsync(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
