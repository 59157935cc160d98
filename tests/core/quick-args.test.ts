// The quick parser must mean exactly what commander means for every call it accepts, and hand
// everything else to commander.
import { describe, expect, it } from 'vitest';
import { questionFlags, type Invocation } from '../../src/invocation.js';
import { buildProgram } from '../../src/program.js';
import { quickParse, quickParsePlan } from '../../src/quick-args.js';
import { fixture } from '../helpers.js';

const tree = fixture('small.yaml');
const keys = new Set(questionFlags(tree).map((k) => k.key));

/** What the commander program passes to the answer handler for these arguments. */
async function viaCommander(args: string[]): Promise<Invocation> {
  let seen: Invocation | undefined;
  const sink = { write: () => true } as never;
  const program = buildProgram(tree, { stdout: sink, stderr: sink, env: {}, onInterrupt: () => () => {}, onSignal: () => () => {} }, { answer: async (i) => void (seen = i), plan: async () => {}, run: async () => {} });
  await program.parseAsync(args, { from: 'user' });
  return seen!;
}

describe('quickParse', () => {
  it.each([
    [['--region', 'eu', '--app', 'feed']],
    [['--region=eu', '--json', '--explain']],
    [['--answer', 'region=us', '--answer', 'app=chat', '--no-input', '--no-color']],
    [['--tree', 'tests/fixtures/small.yaml', '--region', 'us', '--region', 'US']],
    [['--answer', 'region=eu', '--answer', 'region=EU', '--region=Eu']],
    [['--no-pager', '--accessible', '--region', 'eu']],
    [['--lang', 'de', '--region', 'eu', '--lang=en']],
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
    [['--region', 'eu', '--region', 'us'], 'error: --region eu and --region us disagree: give one answer per question'],
    [['--answer', 'region=eu', '--answer=region=us'], 'error: --answer region=eu and --answer region=us disagree: give one answer per question'],
  ])('%j, a repeated answer that disagrees, is left to commander, which refuses it', async (args, message) => {
    expect(quickParse(args, keys)).toBeUndefined();
    await expect(viaCommander(args)).rejects.toThrow(message);
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
    [['--region', 'eu', '--help']],
    [['-v']],
    [['eu']],
    [['-x']],
  ])('%j is left to commander', (args) => {
    expect(quickParse(args, keys)).toBeUndefined();
  });
});

describe('quickParsePlan (the arguments after `plan`)', () => {
  const planTree = fixture('plan.yaml');
  const planKeys = new Set(questionFlags(planTree).map((k) => k.key));
  const several = new Set(planTree.varying);

  async function planViaCommander(args: string[]): Promise<[Invocation, string]> {
    let seen: [Invocation, string] | undefined;
    const sink = { write: () => true } as never;
    const handlers = { answer: async () => {}, plan: async (i: Invocation, format: string) => void (seen = [i, format]), run: async () => {} };
    await buildProgram(planTree, { stdout: sink, stderr: sink, env: {}, onInterrupt: () => () => {}, onSignal: () => () => {} }, handlers).parseAsync(['plan', ...args], { from: 'user' });
    return seen!;
  }

  it.each([
    [['--region', 'eu', '--app', 'feed,chat', '--content', 'all']],
    [['--app', 'feed', '--app=chat', '--content', 'ai', '--content', 'posts', '--json']],
    [['--region', 'us', '--region', 'US', '--no-input', '--no-color']],
    [['--tree', 'tests/fixtures/plan.yaml', '--answer', 'app=feed,chat', '--visibility=public']],
    [['--region', 'eu', '--accessible', '--no-pager']],
    [['--region', 'eu', '--explain']],
  ])('%j means the same as it does to commander', async (args) => {
    const quick = quickParsePlan(args, planKeys, several);
    expect(quick).toBeDefined();
    const [slow, format] = await planViaCommander(args);
    expect(quick).toEqual({ ...slow, tree: args.includes('--tree') ? slow.tree : undefined });
    expect(format).toBe(quick!.json ? 'json' : 'text');
  });

  it.each([[['--format', 'markdown']], [['--help']], [['--app']], [['--region', 'us', '--region', 'eu']]])('%j is left to commander', (args) => {
    expect(quickParsePlan(args, planKeys, several)).toBeUndefined();
  });
});
