// The limits as a script meets them (issue 20): one line naming the limit, exit 2 or 3, and with
// --json the error document; special files read no further than the cap (F9).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { measured, treeFile } from '../growth/measure.js';
import { binaryChain } from '../growth/shapes.js';

describe('files that say nothing true about their size (F9)', () => {
  // Reports a size of 0 and reads on without end: reading it whole ran out of memory (exit 1).
  it.runIf(existsSync('/proc/self/pagemap'))('/proc/self/pagemap is read no further than the cap, in validate and with --tree', () => {
    for (const args of [['validate', '/proc/self/pagemap'], ['--tree', '/proc/self/pagemap', '--no-input']]) {
      const result = measured(args);
      expect(result.code).toBe(3);
      expect(result.stdout + result.stderr).toContain('/proc/self/pagemap:1:1: more than 8,388,608 bytes in a tree file; the limit is 8,388,608');
      expect(result.peakMb).toBeLessThan(200);
    }
  });

  it('a named pipe with no writer is refused at once, not waited on', () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 'tree.yaml');
    execFileSync('mkfifo', [fifo]);
    const { code, stdout } = run(['validate', fifo], { timeout: 20_000 });
    expect(code).toBe(2);
    expect(stdout).toContain(`error: cannot read tree file "${fifo}": not a file`);
  });
});

describe('a limit with --json', () => {
  it('prints the error document, with the limit and its maximum', () => {
    const { code, stdout, stderr } = run(['matrix', '--tree', treeFile(binaryChain(22)), '--json']);
    expect(code).toBe(3);
    expect(stderr).toBe('error: more than 10,000 paths for matrix; the limit is 10,000\n');
    expect(JSON.parse(stdout)).toEqual({ schemaVersion: 1, error: { code: 'over-limit', message: 'more than 10,000 paths for matrix; the limit is 10,000', limit: 'paths', max: 10_000 } });
  });

  it('too many arguments are refused before anything reads them', () => {
    const args = Array.from({ length: 2_001 }, () => '--json');
    const { code, stdout, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toBe('error: 2,001 arguments on the command line; the limit is 2,000\n');
    expect(JSON.parse(stdout).error).toMatchObject({ code: 'over-limit', limit: 'arguments', max: 2_000 });
  });
});
