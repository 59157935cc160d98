// What a contributor gets from `npm install` in a fresh clone: a lock file that npm leaves as it is
// (.ci/run fails when npm changes a tracked file), and no warning about esbuild's install script.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm install', () => {
  it('leaves package-lock.json as committed: it matches package.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-lock-'));
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(`${ROOT}${file}`, join(dir, file));
    const result = npm(['install', '--package-lock-only', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(readFileSync(`${ROOT}package-lock.json`, 'utf8'));
  });

  it("leaves no package's install script unreviewed (npm 11's allowScripts)", () => {
    const result = npm(['install-scripts', 'ls'], ROOT);
    // npm 10, which Node 20 ships, has neither the command nor the warning.
    if (/Unknown command/i.test(result.stderr + result.stdout)) return;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/esbuild/);
  });
});
