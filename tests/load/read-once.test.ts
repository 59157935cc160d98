// A tree file is read once, through one handle, and no more than the size cap plus one byte,
// whatever its size said a moment before (issue 20, F9): here, a file that grows while it is read.
import { describe, expect, it, vi } from 'vitest';

const GROWN = 9 * 1024 * 1024;
let bytesRead = 0;

// The file is 100 bytes when looked at, and never ends when read.
vi.mock('node:fs/promises', async (original) => ({
  ...(await original<typeof import('node:fs/promises')>()),
  stat: async () => ({ isFile: () => true, size: 100 }),
  readFile: async () => 'x'.repeat(GROWN),
  open: async () => ({
    stat: async () => ({ isFile: () => true, size: 100 }),
    read: async ({ buffer }: { buffer: Buffer }) => {
      buffer.fill(0x78);
      bytesRead += buffer.length;
      return { bytesRead: buffer.length, buffer };
    },
    close: async () => {},
  }),
}));

describe('a tree file that grows while it is read', () => {
  it('is refused past the cap, having read no more than the cap and one byte (in whole 8-byte words)', async () => {
    const { readTree } = await import('../../src/load/tree-file.js');
    const { problems } = await readTree('growing.yaml');
    expect(problems.map((p) => p.message)).toEqual(['more than 8,388,608 bytes in a tree file; the limit is 8,388,608']);
    expect(bytesRead).toBe(8 * 1024 * 1024 + 8);
  });
});
