// The quick parser must mean exactly what commander means for every call it accepts, and hand
// everything else to commander.
import { describe, expect, it } from 'vitest';
import { questionFlags, type Invocation } from '../../src/invocation.js';
import { buildProgram } from '../../src/program.js';
import { quickParse } from '../../src/quick-args.js';
import { fixture } from '../helpers.js';

const tree = fixture('small.yaml');
const keys = new Set(questionFlags(tree).map((k) => k.key));

/** What the commander program passes to the answer handler for these arguments. */
async function viaCommander(args: string[]): Promise<Invocation> {
  let seen: Invocation | undefined;
  const sink = { write: () => true } as never;
  const program = buildProgram(tree, { stdout: sink, stderr: sink }, { answer: async (i) => void (seen = i), setExitCode: () => {} });
  await program.parseAsync(args, { from: 'user' });
  return seen!;
}

describe('quickParse', () => {
  it.each([
    [['--region', 'eu', '--app', 'feed']],
    [['--region=eu', '--json', '--explain']],
    [['--answer', 'region=us', '--answer', 'app=chat', '--no-input', '--no-color']],
    [['--tree', 'tests/fixtures/small.yaml', '--region', 'us', '--region', 'eu']],
    [['--content', 'posts', '--answer=visibility=public']],
    [['--answer', '__proto__=x', '--answer', 'constructor=y']],
    [[]],
  ])('%j means the same as it does to commander', async (args) => {
    const quick = quickParse(args, keys);
    expect(quick).toBeDefined();
    const slow = await viaCommander(args);
    // commander fills in the default tree id; the quick parser leaves an absent --tree absent.
    expect(quick).toEqual({ ...slow, tree: args.some((a) => a.startsWith('--tree')) ? slow.tree : undefined });
  });

  it.each([
    [['--help']],
    [['-h']],
    [['--version']],
    [['--list']],
    [['--regoin', 'eu']],
    [['--region']],
    [['--region', '--json']],
    [['--answer', 'region']],
    [['validate']],
    [['eu']],
    [['-x']],
  ])('%j is left to commander', (args) => {
    expect(quickParse(args, keys)).toBeUndefined();
  });
});
