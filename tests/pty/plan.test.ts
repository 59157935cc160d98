// `plan` in a real terminal: shared questions once, varying ones as checkboxes, the way back,
// answers given as flags said, plain prompts; and the main flow's offer of a plan at a varying question.
import { describe, expect, it } from 'vitest';
import { KEY, isBareAddress, printedLines, startInTerminal } from './terminal.js';

const TREE = ['--tree', 'tests/fixtures/plan.yaml'];

/** The screen with the plan's lines joined again where the terminal's width broke them. */
const unwrapped = (screen: string) => screen.replace(/\r?\n/g, ' ');

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
    await waitFor('Tick at least one with space, or press b to go back.');
    term.write('a'); // all: posts, messages and AI chats (the union of both apps' menus)
    term.write(KEY.enter);
    await waitFor('Who can see it?'); // asked once, though only the feed app's posts need it
    term.write(KEY.enter); // Everyone; no other question follows
    expect(await exited).toBe(0);
    const shown = screen();
    expect(shown).toContain('Your plan: Plan test tree');
    expect(unwrapped(shown)).toContain(': 5 combinations, 3 different answers.');
    expect(shown).toContain('For Feed app: private messages; Chat app: chats with people');
    expect(unwrapped(shown)).toContain('Same plan in a script: optout-check plan --tree tests/fixtures/plan.yaml --region eu --app feed,chat --content posts,messages,ai --visibility public');
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
    expect(unwrapped(screen())).toContain(': 2 combinations, 2 different answers.');
    expect(unwrapped(screen())).toContain('Same plan in a script: optout-check --tree tests/fixtures/plan.yaml plan --region us --app feed,chat --content messages');
    expect(unwrapped(screen())).toContain('United States · Feed app, Chat app · Chats with people:'); // from --region, not asked
    expect(screen().match(/From --region: United States/g)).toHaveLength(1); // said by the main flow, not again by the plan's
    expect(screen()).not.toMatch(/[?✔] Where do you live\?/);
  });

  it("goes back from the plan's first checkbox into the main flow, to the menu where it was chosen and before", async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal(TREE);
    await waitFor('? Where do you live?');
    term.write(KEY.enter); // European Union
    await waitFor('Several of these: one plan for all of them');
    term.write(KEY.up + KEY.up + KEY.enter); // from the first choice, up past Back to the last row: Several
    let since = mark();
    await waitFor('? Which app? Choose all that apply.', since);
    await waitFor('b back to your last answer', since); // Back is offered at plan's first question too
    term.write('b');
    await waitFor('? Which app?', mark() - 1);
    since = mark();
    await waitFor('❯ Several of these: one plan for all of them', 0); // the choice made there, highlighted
    term.write('b'); // and on, back to the first question
    await waitFor('? Where do you live?', since);
    since = mark();
    term.write(KEY.down + KEY.enter); // United States
    await waitFor('❯ Several of these: one plan for all of them', since); // still the choice made before
    term.write(KEY.up + KEY.enter); // Chat app
    await waitFor('? Which chat content?', since);
    term.write(KEY.enter); // Chats with people
    expect(await exited).toBe(0);
    expect(screen()).toContain('← Back from "Which app? Choose all that apply."');
    expect(screen()).toContain('Not used (not-used)');
  });

  it('main flow and plan alike in plain prompts: b goes back from the checkboxes into the main flow', async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal([...TREE, '--accessible']);
    await waitFor('and press Enter: ');
    term.write('1\r'); // European Union
    let since = mark();
    await waitFor('  3. Several of these: one plan for all of them', since);
    term.write('3\r');
    since = mark();
    await waitFor('Which app? Choose all that apply.', since);
    await waitFor('or b to go back, and press Enter: ', since);
    since = mark();
    term.write('b\r');
    await waitFor('  3. Several of these: one plan for all of them — your last answer', since);
    term.write('1\r'); // Feed app after all
    await waitFor('Which content?', since);
    term.write('2\r'); // Private messages
    expect(await exited).toBe(0);
    expect(screen()).not.toContain('is not one of the choices');
  });

  it('a ticks every app that can be combined, and not "No Meta account", which unticks the others', async () => {
    const { term, screen, mark, waitFor } = startInTerminal(['plan', '--region', 'eu']);
    await waitFor('? Which Meta app or product is it about? Choose all that apply.');
    let since = mark();
    term.write('a');
    await waitFor('◉ Ray-Ban Meta glasses', since);
    expect(screen().slice(since)).toContain('◯ No Meta account');
    since = mark();
    term.write(KEY.up + KEY.space); // from Facebook up to the last row (no Back at plan's first question): No Meta account
    await waitFor('◉ No Meta account', since);
    expect(screen().slice(since)).toContain('◯ Facebook');
    term.write(KEY.ctrlC);
  });

  it('goes back from a checkbox: to a checkbox with its ticks kept, and to a menu at its answer', async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal(['plan', ...TREE]);
    await waitFor('? Where do you live?');
    term.write(KEY.enter); // European Union
    await waitFor('? Which app? Choose all that apply.');
    expect(screen()).toContain('b back to your last answer'); // the hint says how
    term.write(KEY.space); // Feed app
    term.write(KEY.enter);
    await waitFor('? Which content? Choose all that apply.');
    let since = mark();
    term.write(KEY.up); // from the first choice up to the row above it: Back
    term.write(KEY.enter);
    await waitFor('? Which app? Choose all that apply.', since);
    await waitFor('❯◉ Feed app', since); // ticked, as it was left
    since = mark();
    term.write(KEY.up);
    term.write(KEY.enter);
    await waitFor('? Where do you live?', since);
    await waitFor('❯ European Union', since); // the earlier answer, highlighted
    expect(screen().slice(screen().lastIndexOf('? Where do you live?'))).not.toContain('← Back'); // nothing before the first question
    since = mark();
    term.write(KEY.down); // United States, instead of the European Union
    term.write(KEY.enter);
    await waitFor('? Which app? Choose all that apply.', since);
    term.write('a'); // both apps
    term.write(KEY.enter);
    await waitFor('? Which chat content? Choose all that apply.', since); // the feed app has no content question in the US
    term.write(KEY.space); // Chats with people
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    expect(unwrapped(screen())).toContain(': 2 combinations, 2 different answers.');
    expect(unwrapped(screen())).toContain('Same plan in a script: optout-check plan --tree tests/fixtures/plan.yaml --region us --app feed,chat --content messages');
  });

  it('says the answers given as flags as it reaches them, and asks again when no chosen combination exists', async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal(['plan', ...TREE, '--region', 'eu', '--content', 'posts']);
    await waitFor('? Which app? Choose all that apply.');
    expect(screen()).toMatch(/From --region: European Union \(the 27 countries\)\r?\n\? Which app\?/);
    expect(screen()).not.toContain('Where do you live?');
    expect(screen()).not.toContain('From --content'); // not reached yet
    let since = mark();
    term.write(KEY.down);
    term.write(KEY.space); // Chat app only, which has no posts
    term.write(KEY.enter);
    await waitFor('Choose again, or start over with other flags.', since);
    expect(unwrapped(screen().slice(since))).toMatch(/None of the combinations chosen exists\. For Chat app, "Which chat content\?" offers: Chats with people, AI chats\. +Choose again/);
    await waitFor('? Which app? Choose all that apply.', since);
    since = mark();
    term.write(KEY.space); // Feed app too: the cursor is back on the first row
    term.write(KEY.enter);
    await waitFor('? Who can see it?', since);
    expect(screen()).toMatch(/From --content: Posts \(text and photos\)\r?\n\? Who can see it\?/);
    term.write(KEY.enter); // Everyone
    expect(await exited).toBe(0);
    expect(unwrapped(screen())).toContain(': 1 combination, 1 different answer.');
    expect(screen()).toContain('You can object (opt-out)');
  });

  it('with TERM=dumb, asks line by line: numbers, values or all, b for back, and prints no escape sequence at all', async () => {
    const { term, raw, screen, mark, waitFor, exited } = startInTerminal(['plan', ...TREE], { env: { TERM: 'dumb' }, cols: 60 });
    await waitFor('and press Enter: ');
    term.write('1\r'); // European Union
    let since = mark();
    await waitFor('or b to go back, and press Enter: ', since);
    expect(screen()).toContain('Which app? Choose all that apply.\r\nThe app you post with.\r\n  1. Feed app\r\n  2. Chat app\r\n  b. Back: change your last answer\r\n');
    expect(screen().replace(/\r\n/g, ' ')).toContain('Type one or more numbers from 1 to 2, separated by commas (e.g. 1,2), or all, or b to go back, and press Enter: ');
    term.write('1,3\r');
    await waitFor('"3" is not one of the choices.', since);
    since = mark();
    term.write('feed\r'); // a value works as well as its number
    await waitFor('Which content? Choose all that apply.', since);
    since = mark();
    term.write('b\r'); // back to the apps
    await waitFor('Which app? Choose all that apply.', since);
    await waitFor('  1. Feed app — your last answer\r\n  2. Chat app\r\n', since);
    since = mark();
    term.write('1 2\r'); // both
    await waitFor('Which content? Choose all that apply.', since);
    since = mark();
    term.write('all\r'); // posts, messages and AI chats
    await waitFor('Who can see it?', since);
    term.write('1\r'); // Everyone
    expect(await exited).toBe(0);
    expect(unwrapped(screen())).toContain(': 5 combinations, 3 different answers.');
    expect(unwrapped(screen())).toContain('--region eu --app feed,chat --content posts,messages,ai --visibility public');
    expect(raw()).not.toContain('\u001b');
  });

  it('asks line by line on request in any terminal, with --accessible or OPTOUT_CHECK_ACCESSIBLE=1', async () => {
    for (const [flags, env] of [[['--accessible'], {}], [[], { OPTOUT_CHECK_ACCESSIBLE: '1' }]] as const) {
      const { term, screen, mark, waitFor, exited } = startInTerminal(['plan', ...TREE, '--region', 'us', ...flags], { env });
      await waitFor('From --region: United States\r\nWhich app? Choose all that apply.');
      term.write('2\r'); // Chat app
      const since = mark();
      await waitFor('Which chat content? Choose all that apply.', since);
      term.write('all\r');
      expect(await exited).toBe(0);
      expect(screen()).not.toContain('navigate');
      expect(unwrapped(screen())).toContain(': 2 combinations, 2 different answers.');
    }
  });

  it('keeps the session, checkboxes and plan, within a narrow terminal', async () => {
    const cols = 40;
    const { term, raw, mark, waitFor, exited } = startInTerminal(['plan', ...TREE, '--no-pager'], { cols });
    for (const [prompt, keys] of [
      ['? Where do you live?', KEY.enter],
      ['? Which app?', 'a' + KEY.enter],
      ['? Which content?', 'a' + KEY.enter],
      ['? Who can see it?', KEY.enter],
    ]) {
      await waitFor(prompt!, mark());
      term.write(keys!);
    }
    expect(await exited).toBe(0);
    expect(printedLines(raw()).filter(({ line, width }) => width > cols && !isBareAddress(line))).toEqual([]);
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
