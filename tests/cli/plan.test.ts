// `optout-check plan`, spawned as a user or a script would run it, with no terminal on stdin.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers.js';

const PLAN = ['plan', '--tree', 'tests/fixtures/plan.yaml'];
const EU = [...PLAN, '--region', 'eu', '--visibility', 'public'];

const json = (args: string[]) => {
  const result = run(args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe('plan with flags', () => {
  it('takes several values comma-separated, repeated, or all, and means the same', () => {
    const comma = json([...EU, '--app', 'feed,chat', '--content', 'posts,messages,ai', '--json']);
    const repeated = json([...EU, '--app', 'feed', '--app=chat', '--content', 'posts', '--content', 'messages', '--content', 'ai', '--json']);
    const all = json([...EU, '--app', 'all', '--content', 'all', '--json']);
    const viaAnswer = json([...PLAN, '--answer', 'region=eu', '--answer', 'visibility=public', '--answer', 'app=feed,chat', '--answer', 'content=all', '--json']);
    for (const other of [repeated, all, viaAnswer]) {
      expect(other.combinations).toEqual(comma.combinations);
      expect(other.plan).toEqual(comma.plan);
    }
    expect(all.answers).toEqual({ region: 'eu', app: ['feed', 'chat'], content: ['posts', 'messages', 'ai'], visibility: 'public' });
  });

  it('--json: schemaVersion 1, the answers, every combination with its verdict and outcome, the grouped plan, the sources', () => {
    const doc = json([...EU, '--app', 'chat,feed', '--content', 'ai,messages', '--json']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tree).toEqual({ id: 'plan-fixture', title: 'Plan test tree', reviewed: '2026-01-01' });
    expect(doc.answers).toEqual({ region: 'eu', app: ['chat', 'feed'], content: ['ai', 'messages'] });
    expect(doc.combinations).toEqual([
      { answers: { region: 'eu', app: 'feed', content: 'messages' }, verdict: 'not-used', outcome: 'not-used' },
      { answers: { region: 'eu', app: 'feed', content: 'ai' }, verdict: 'ai-chats', outcome: 'limited' },
      { answers: { region: 'eu', app: 'chat', content: 'messages' }, verdict: 'not-used', outcome: 'not-used' },
      { answers: { region: 'eu', app: 'chat', content: 'ai' }, verdict: 'ai-chats', outcome: 'limited' },
    ]);
    expect(doc.plan.map((s: { section: string; verdicts: { verdict: string; combinations: number[] }[] }) => [s.section, s.verdicts.map((v) => [v.verdict, v.combinations])])).toEqual([
      ['act', [['ai-chats', [1, 3]]]],
      ['nothing', [['not-used', [0, 2]]]],
    ]);
    expect(doc.plan[0].verdicts[0]).toMatchObject({
      title: 'AI chats are used',
      covers: 'Feed app, Chat app: AI chats',
      steps: [
        { number: 1, text: "Don't send the AI anything private.", sources: ['company'] },
        { number: 2, text: 'Fill in the objection   form.', sources: ['company'] },
        { number: 3, text: 'Turn on chat privacy in the chat app.', sources: ['company'], only: 'Chat app' },
      ],
    });
    expect(doc.sources.map((s: { id: string }) => s.id)).toEqual(['company', 'law']);
    expect(doc.unused).toEqual(['visibility']);
  });

  it('has the verdicts of the single runs, each once, with the same outcome', () => {
    const doc = json([...EU, '--app', 'all', '--content', 'all', '--json']);
    const singles = doc.combinations.map((c: { answers: Record<string, string> }) => {
      const flags = Object.entries(c.answers).flatMap(([k, v]) => [`--${k}`, v]);
      const single = json(['--tree', 'tests/fixtures/plan.yaml', ...flags, '--json']);
      return [single.verdict.id, single.verdict.outcome];
    });
    const planned = doc.plan.flatMap((s: { verdicts: { verdict: string; outcome: string }[] }) => s.verdicts.map((v) => [v.verdict, v.outcome]));
    expect(planned).toHaveLength(new Set(planned.map(([id]: string[]) => id)).size);
    expect([...new Map(singles).entries()].sort()).toEqual([...planned].sort());
  });

  it('prints the plan as text: actions first, a shared step once, citations and sources, and how to run it again', () => {
    const { code, stdout, stderr } = run([...PLAN, '--region', 'us', '--app', 'all', '--content', 'all']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Your plan: Plan test tree, reviewed 2026-01-01\nUnited States · app: all · content: all: 3 combinations, 3 different answers\.\n/);
    expect(stdout.indexOf('WHAT TO DO')).toBeLessThan(stdout.indexOf('NOTHING TO DO'));
    expect(stdout.indexOf('NOTHING TO DO')).toBeLessThan(stdout.indexOf('NO OPT-OUT, ONLY MITIGATIONS'));
    expect(stdout).toContain('No opt-out (no-opt-out)\nFor Feed app. There is no objection route here. [1]\n  5. Make your posts private. [1]');
    // How to run it again, then the sources by kind; in full with --explain.
    expect(stdout).toMatch(/\n\nSame plan in a script: optout-check plan --tree tests\/fixtures\/plan\.yaml --region us --app all --content all\nSources \[1,2\]: in full, with the passages quoted, with --explain\.\n$/);
    expect(run([...PLAN, '--region', 'us', '--app', 'all', '--content', 'all', '--explain']).stdout).toMatch(
      /\nSources\n {2}\[1\] The company, "Company statement", undated \(primary\)\. \(no web address\)\n {6}“We use public posts and AI chats unless you object\.”\n {2}\[2\] A regulator, "The law", 2025-05-01 \(regulator\)\. https:\/\/example\.org\/law\n/,
    );
    expect(stderr).not.toContain('note:');
  });

  it('notes on stderr the answers no combination asked', () => {
    const { code, stderr } = run([...PLAN, '--region', 'us', '--app', 'feed', '--content', 'ai', '--visibility', 'public']);
    expect(code).toBe(0);
    expect(stderr).toContain('note: asked for none of the combinations, so ignored: --visibility, --content');
  });

  it('--format markdown: a checklist with citations and links, the answers and review date at the top, the sources at the end', () => {
    const { code, stdout } = run([...EU, '--app', 'feed', '--content', 'all', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!-- optout-check plan; tree: plan-fixture; reviewed: 2026-01-01; answers: region=eu app=feed content=all visibility=public -->\n# Plan: Plan test tree\n\n- \*\*Where do you live\?\*\* European Union\n- \*\*Which app\?\*\* Feed app\n/);
    expect(stdout).toContain('Reviewed 2026-01-01 (tree `plan-fixture`).');
    expect(stdout).toContain('- [ ] **1.** Fill in the objection form. [1][2] <https://example.org/form>');
    expect(stdout).toContain('- Step 1 above.');
    expect(stdout).toMatch(/## Sources\n\n1\. A regulator, "The law", 2025-05-01 \(regulator\)\. <https:\/\/example\.org\/law>\n2\. The company, "Company statement", undated \(primary\)\. \(no web address\)\n$/);
  });

  it('a question named like a tool flag (format) is answered with --answer', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 'format.yaml');
    writeFileSync(file, readFileSync(`${ROOT}tests/fixtures/plan.yaml`, 'utf8').replace('  visibility:\n', '  format:\n').replace('next: visibility', 'next: format'));
    const doc = json(['plan', '--tree', file, '--region', 'eu', '--app', 'feed', '--content', 'posts', '--answer', 'format=public', '--json']);
    expect(doc.combinations).toEqual([{ answers: { region: 'eu', app: 'feed', content: 'posts', format: 'public' }, verdict: 'object', outcome: 'opt-out' }]);
    expect(run(['plan', '--tree', file, '--help']).code).toBe(0);
  });

  it('works for any tree, also one that declares no varying keys: one combination', () => {
    const doc = json(['plan', '--tree', 'tests/fixtures/small.yaml', '--region', 'eu', '--app', 'feed', '--content', 'posts', '--visibility', 'public', '--json']);
    expect(doc.combinations).toEqual([{ answers: { region: 'eu', app: 'feed', content: 'posts', visibility: 'public' }, verdict: 'object', outcome: 'opt-out' }]);
  });
});

describe('plan: usage errors exit 2 with one clear message', () => {
  it.each([
    [['--region', 'eu,us'], 'error: --region takes one value in a plan (only --app and --content take several).'],
    [['--region', 'eu', '--app', 'fed'], 'error: --app fed is not a valid answer. Valid values: feed, chat. Did you mean feed?'],
    [['--region', 'eu', '--app', 'feed,', '--content', 'all'], 'error: --app "feed," has an empty value'],
    // What can be chosen instead, rather than a pointer to the matrix: the chat app has no posts.
    [['--region', 'eu', '--app', 'chat', '--content', 'posts'], 'error: none of the chosen combinations exists.\nAfter --region eu --app chat, --content takes one of: messages, ai.\n'],
    [['--region', 'eu', '--app', 'all', '--content', 'all', '--json', '--format', 'markdown'], "option '--json' cannot be used with option '--format <format>'"],
    [['--region', 'eu', '--list'], "error: unknown option '--list'"],
  ])('%j', (flags, message) => {
    const { code, stdout, stderr } = run([...PLAN, ...flags]);
    expect(code).toBe(2);
    // With --json, the error is also one JSON document on stdout (see the command-line tests).
    if (flags.includes('--json')) expect(JSON.parse(stdout).error.message).toContain(message);
    else expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('for combinations that do not exist, says which kinds of content each app has', () => {
    const result = run(['plan', '--region', 'eu', '--platform', 'whatsapp,messenger', '--content', 'posts', '--visibility', 'public', '--age', 'adult']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: none of the chosen combinations exists.\n' +
        'After --region eu --platform whatsapp, --content takes one of: messages, ai-chats, about-me, channel.\n' +
        'After --region eu --platform messenger, --content takes one of: messages, ai-chats.\n',
    });
  });

  it('names the missing answers when no prompt can be shown, and which take several values', () => {
    const { code, stderr } = run([...PLAN, '--region', 'eu', '--app', 'feed']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: missing answers, and no prompt can be shown (stdin is not a terminal). Pass them as flags:\n');
    expect(stderr).toContain('  --content <posts|messages|ai>  Which content? (several, comma-separated, or all)\n');
    expect(stderr).toContain('  --visibility <public|private>  Who can see it?\n');
  });

  it('plan --help lists the answer flags and says which take several values', () => {
    const { code, stdout } = run([...PLAN, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: optout-check plan \[options\]/);
    expect(stdout).toMatch(/--app <value>\s+Which app\? \(feed, chat\)/);
    expect(stdout).toContain('--app and --content take several values: comma-separated, repeated, or all.');
  });
});

describe('the main command points to plan', () => {
  it('when a varying flag gets several values or all', () => {
    const { code, stderr } = run(['--tree', 'tests/fixtures/plan.yaml', '--region', 'eu', '--app', 'feed,chat', '--content', 'all']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --app feed,chat is not a valid answer. Valid values: feed, chat.');
    expect(stderr).toContain('For several values of --app and --content at once, run `optout-check plan` with the same flags.');
  });
});

describe('validate checks the varying declaration', () => {
  it('names an unknown key at its line, exit 3', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-check-')), 'bad-varying.yaml');
    writeFileSync(file, readFileSync(`${ROOT}tests/fixtures/plan.yaml`, 'utf8').replace('varying: [app, content]', 'varying: [app, contents]'));
    const { code, stdout } = run(['validate', file]);
    expect(code).toBe(3);
    expect(stdout).toContain(`${file}:10:16: varying.1: "contents" is not an answer key of this tree (did you mean content?)`);
  });
});
