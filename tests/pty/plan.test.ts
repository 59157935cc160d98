// `plan` in a real terminal: shared questions once, varying ones as checkboxes; and the main
// flow's offer of a plan at a varying question.
import { describe, expect, it } from 'vitest';
import { KEY, startInTerminal } from './terminal.js';

const TREE = ['--tree', 'tests/fixtures/plan.yaml'];

describe('plan, in a real terminal', () => {
  it('asks the shared questions once and the varying ones as checkboxes, then prints the plan', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['plan', ...TREE]);
    await waitFor('Where do you live?');
    term.write(KEY.enter); // European Union
    await waitFor('Which app? Choose all that apply.');
    expect(screen()).toContain('The app you post with.');
    term.write(KEY.space); // Feed app
    term.write(KEY.down);
    term.write(KEY.space); // Chat app
    term.write(KEY.enter);
    await waitFor('Which content? Choose all that apply.');
    term.write(KEY.enter); // nothing chosen yet: refused
    await waitFor('At least one choice must be selected');
    term.write('a'); // all: posts, messages and AI chats (the union of both apps' menus)
    term.write(KEY.enter);
    await waitFor('Who can see it?'); // asked once, though only the feed app's posts need it
    term.write(KEY.enter); // Everyone; no other question follows
    expect(await exited).toBe(0);
    const shown = screen();
    expect(shown).toContain('Your plan: Plan test tree');
    expect(shown).toContain('5 combinations, 3 different answers.');
    expect(shown).toContain('For Feed app: private messages; Chat app: chats with people');
    expect(shown).toContain('Same plan in a script: optout-check plan --tree tests/fixtures/plan.yaml --region eu --app feed,chat --content posts,messages,ai --visibility public');
  });

  it('the main flow offers one plan at a varying question, keeping the answers given so far', async () => {
    const { term, screen, waitFor, exited } = startInTerminal([...TREE, '--region', 'us']);
    await waitFor('Several of these: one plan for all of them');
    term.write(KEY.down);
    term.write(KEY.down);
    term.write(KEY.enter);
    await waitFor('Which app? Choose all that apply.');
    term.write('a');
    term.write(KEY.enter);
    await waitFor('Which chat content? Choose all that apply.');
    term.write(KEY.space); // Chats with people
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    expect(screen()).toContain('2 combinations, 2 different answers.');
    expect(screen()).toContain('Same plan in a script: optout-check --tree tests/fixtures/plan.yaml plan --region us --app feed,chat --content messages');
    expect(screen()).toContain('Where do you live? United States.'); // from --region, not asked
    expect(screen()).not.toMatch(/[?✔] Where do you live\?/);
  });

  it('Ctrl-C at a checkbox prints "Aborted." and exits 130', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['plan', ...TREE, '--region', 'eu']);
    await waitFor('Choose all that apply.');
    term.write(KEY.ctrlC);
    expect(await exited).toBe(130);
    expect(screen()).toContain('Aborted.');
    expect(screen()).not.toMatch(/\n\s+at /);
  });
});
