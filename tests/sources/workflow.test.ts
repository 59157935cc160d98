// The weekly workflow (.github/workflows/sources.yml) runs the check with the command found here,
// word for word, so this test runs that command: against the local server, on a fixture tree.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NEEDS_A_PERSON } from '../../src/commands/sources-check.js';
import { ROOT, runAsync } from '../helpers.js';
import { fixtureTree, startServer, type FixtureServer } from './server.js';

const workflow = parse(readFileSync(`${ROOT}.github/workflows/sources.yml`, 'utf8'));
const steps: { id?: string; if?: string; run?: string }[] = workflow.jobs.check.steps;
const check = steps.find((step) => step.id === 'check')!;
/** The command the workflow runs: `node bin/optout-check.cjs sources check …`, up to its redirection. */
const command = check.run!.split('\n').find((line) => line.includes(' sources check '))!.trim().split(' > ')[0]!.split(/\s+/);

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the weekly source check', () => {
  it('runs weekly, checks the built-in tree, and reports in Markdown with archived copies', () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* [0-6]$/);
    expect(command).toEqual(['node', 'bin/optout-check.cjs', 'sources', 'check', '--format', 'markdown', '--archive']);
  });

  it('opens an issue exactly when the check exits with the code for "needs a person"', () => {
    expect(steps.find((step) => step.run?.includes('gh issue create'))!.if).toBe(`steps.check.outputs.code == '${NEEDS_A_PERSON}'`);
    expect(check.run).toContain(`[ "$code" = 0 ] || [ "$code" = ${NEEDS_A_PERSON} ]`);
  });

  it('its command, on a tree whose pages changed, exits so and writes the issue body', async () => {
    const [, bin, ...args] = command;
    const tree = fixtureTree(server.base, [
      { id: 'verbatim', path: '/verbatim' },
      { id: 'not-found', path: '/404' },
    ]);
    // The same command, on the fixture tree, with no pause between requests.
    const { code, stdout } = await runAsync([...args, '--tree', tree, '--delay', '0'], { OPTOUT_CHECK_WAYBACK_API: `${server.base}/wayback/available` });
    expect(bin).toBe('bin/optout-check.cjs');
    expect(code).toBe(NEEDS_A_PERSON);
    expect(stdout).toMatch(/^## Source check: Web fixture tree\n/);
    expect(stdout).toContain(`- **not-found** <${server.base}/404>\n  - HTTP 404\n  - Archived: <http://web.archive.org/web/20261125000000/${server.base}/404>\n`);
  });
});
