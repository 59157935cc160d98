// `optout-check changes SAVED`: answers and plans saved from the plan fixture, read back against
// an edited copy of it, as a person would after updating the tool.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'optout-check-changes-'));
const ORIGINAL = 'tests/fixtures/plan.yaml';
const EDITED = join(dir, 'plan-edited.yaml');
const PLAN = ['--region', 'eu', '--app', 'all', '--content', 'all', '--visibility', 'public'];

/** The same tree, reviewed again: one verdict's outcome and headline, one step reworded, one replaced. */
function edit(source: string): string {
  const replace = (from: string, to: string) => {
    if (!source.includes(from)) throw new Error(`the fixture no longer holds ${from}`);
    source = source.replace(from, to);
  };
  replace("reviewed: '2026-01-01'", "reviewed: '2026-12-01'");
  replace('    outcome: limited\n    title: AI chats are used', '    outcome: no-opt-out\n    title: AI chats are used, with no way out');
  replace("      - text: Don't send the AI anything private.", "      - text: Don't send the AI anything private or personal.");
  replace('      - text: Keep the confirmation email.', '      - text: Write down the day you objected, in case you need it later.');
  return source;
}

/** Saves the output of an earlier run, as a person would with `> file`. */
function save(name: string, args: string[]): string {
  const result = run(['--tree', ORIGINAL, ...args]);
  expect(result.code, result.stderr).toBe(0);
  const file = join(dir, name);
  writeFileSync(file, result.stdout);
  return file;
}

const changes = (file: string, tree = EDITED, ...more: string[]) => run(['changes', file, '--tree', tree, ...more]);

/** A verdict saved with --json: AI chats in the feed app, which the edit changes. */
let saved: string;
beforeAll(() => {
  writeFileSync(EDITED, edit(readFileSync(`${ROOT}${ORIGINAL}`, 'utf8')));
  saved = save('verdict.json', ['--region', 'eu', '--app', 'feed', '--content', 'ai', '--json']);
});

describe('changes, for a saved verdict (--json)', () => {
  it('says the outcome and the headline then and now, the steps reworded, and both review dates', () => {
    const { code, stdout } = changes(saved);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `Compared with ${saved}, today's answer to the same questions:`,
        '',
        'The answer:',
        '  Outcome: was limited, now no-opt-out.',
        '  Headline: was “AI chats are used”, now “AI chats are used, with no way out”.',
        '',
        'Steps reworded:',
        "  was: Don't send the AI anything private.",
        "  now: Don't send the AI anything private or personal.",
        '',
        'Reviewed 2026-01-01 then, 2026-12-01 now.',
        '',
      ].join('\n'),
    );
  });

  it('--json: changed, with the same facts', () => {
    const doc = JSON.parse(changes(saved, EDITED, '--json').stdout);
    expect(doc).toEqual({
      schemaVersion: 1,
      changed: true,
      tree: { id: 'plan-fixture', reviewed: { then: '2026-01-01', now: '2026-12-01' } },
      answers: { region: 'eu', app: 'feed', content: 'ai' },
      verdicts: {
        changed: [{ then: { covers: '', outcome: 'limited', title: 'AI chats are used' }, now: { covers: '', outcome: 'no-opt-out', title: 'AI chats are used, with no way out' } }],
        added: [],
        removed: [],
      },
      steps: { added: [], removed: [], reworded: [{ then: { text: "Don't send the AI anything private." }, now: { text: "Don't send the AI anything private or personal." } }] },
    });
  });

  it('says when nothing has changed, even if the tree was reviewed again', () => {
    const unchanged = save('messages.json', ['--region', 'eu', '--app', 'feed', '--content', 'messages', '--json']);
    expect(changes(unchanged).stdout).toBe(`Nothing has changed since 2026-01-01: the same outcome, headline and steps as in ${unchanged}. The tree was reviewed again on 2026-12-01.\n`);
    expect(JSON.parse(changes(unchanged, EDITED, '--json').stdout).changed).toBe(false);
    expect(changes(unchanged, ORIGINAL).stdout).toBe(`Nothing has changed since 2026-01-01: the same outcome, headline and steps as in ${unchanged}.\n`);
  });
});

describe('changes, for a saved plan', () => {
  it('reads a Markdown plan back from its first line, ticked steps and all', () => {
    const plan = save('plan.md', ['plan', ...PLAN, '--format', 'markdown']);
    expect(readFileSync(plan, 'utf8').split('\n', 1)[0]).toBe('<!-- optout-check plan; tree: plan-fixture; reviewed: 2026-01-01; answers: region=eu app=all content=all visibility=public -->');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('- [ ] **1.**', '- [x] **1.**'));
    const { code, stdout } = changes(plan);
    expect(code).toBe(0);
    expect(stdout).toContain('The answer:\n  For Feed app, Chat app: AI chats: was “AI chats are used” (limited), now “AI chats are used, with no way out” (no-opt-out).\n');
    expect(stdout).toContain('Steps added:\n  + Write down the day you objected, in case you need it later.\n');
    expect(stdout).toContain('Steps removed:\n  - Keep the confirmation email.\n');
    expect(stdout).toContain("Steps reworded:\n  was: Don't send the AI anything private.\n  now: Don't send the AI anything private or personal.\n");
    expect(stdout).toMatch(/Reviewed 2026-01-01 then, 2026-12-01 now\.\n$/);
  });

  it('reads a JSON plan, and says the same', () => {
    const plan = save('plan.json', ['plan', ...PLAN, '--json']);
    const doc = JSON.parse(changes(plan, EDITED, '--json').stdout);
    expect(doc.changed).toBe(true);
    expect(doc.answers).toEqual({ region: 'eu', app: 'feed,chat', content: 'posts,messages,ai', visibility: 'public' });
    expect(doc.verdicts.changed).toEqual([
      { then: { covers: 'Feed app, Chat app: AI chats', outcome: 'limited', title: 'AI chats are used' }, now: { covers: 'Feed app, Chat app: AI chats', outcome: 'no-opt-out', title: 'AI chats are used, with no way out' } },
    ]);
    expect(doc.steps.added).toEqual([{ text: 'Write down the day you objected, in case you need it later.' }]);
    expect(doc.steps.removed).toEqual([{ text: 'Keep the confirmation email.' }]);
    expect(JSON.parse(changes(plan, ORIGINAL, '--json').stdout).changed).toBe(false);
  });
});

describe('changes refuses what it cannot compare, never guessing (exit 2)', () => {
  it('a file from another tree', () => {
    const { code, stderr } = run(['changes', saved, '--tree', 'tests/fixtures/small.yaml']);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: ${saved} was made with the tree "plan-fixture", not "small": pass --tree plan-fixture (a built-in id or its file)\n`);
  });

  it('a damaged or foreign file', () => {
    const write = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const cases: [string, string][] = [
      [write('cut.json', '{"schemaVersion": 1, "tree": {"id": "plan-fixture", "rev'), 'is damaged: it is not valid JSON'],
      [write('partial.json', '{"schemaVersion": 1, "tree": {"id": "plan-fixture", "reviewed": "2026-01-01"}, "answers": {}}'), 'is damaged: verdict is missing'],
      [write('error.json', '{"schemaVersion": 1, "error": {"code": "usage", "message": "x"}}'), 'holds an error that an earlier run printed, not an answer'],
      [write('notes.md', '# My notes\n'), 'is not an answer or a plan saved by optout-check (save one with --json, or with plan --format markdown)'],
      [write('mangled.md', '<!-- optout-check plan; tree: plan-fixture -->\n### X (opt-out)\n'), 'is damaged: its first line, which names the tree and the answers, cannot be read'],
      [write('headless.md', '<!-- optout-check plan; tree: plan-fixture; reviewed: 2026-01-01; answers: region=eu -->\n# Plan\n'), 'is damaged: it has no verdict headings'],
    ];
    for (const [file, message] of cases) {
      const { code, stdout, stderr } = run(['changes', file, '--tree', ORIGINAL]);
      expect(code, file).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`error: ${file} ${message}`);
    }
    expect(run(['changes', join(dir, 'nowhere.json')])).toMatchObject({ code: 2, stderr: `error: cannot read ${join(dir, 'nowhere.json')}: no such file\n` });
  });

  it('answers the tree no longer takes, or no longer enough of them', () => {
    const noAi = join(dir, 'no-ai.yaml');
    writeFileSync(noAi, readFileSync(EDITED, 'utf8').replace('      - { value: ai, label: AI chats, next: ai-chats }\n', ''));
    const refused = run(['changes', saved, '--tree', noAi]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: the answers in \S+ no longer fit this tree \(reviewed 2026-12-01\): --content ai does not apply with --app feed \(Feed app\)\./);

    const asksMore = join(dir, 'asks-more.yaml');
    const more = readFileSync(EDITED, 'utf8')
      .replace('      - { value: ai, label: AI chats, next: ai-chats }\n', '      - { value: ai, label: AI chats, next: ai-age }\n')
      .replace('  content-chat:\n', '  ai-age:\n    prompt: How old are you?\n    choices:\n      - { value: adult, label: 18 or older, next: ai-chats }\n      - { value: minor, label: Under 18, next: not-used }\n  content-chat:\n');
    writeFileSync(asksMore, more);
    const missing = run(['changes', saved, '--tree', asksMore, '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no longer fit this tree (reviewed 2026-12-01): it also asks --ai-age\nRun optout-check again to answer afresh.\n');
    expect(JSON.parse(missing.stdout).error.code).toBe('usage');
  });
});

describe('changes, for an answer or a plan saved in German', () => {
  const ANSWERS = ['--region', 'eu', '--platform', 'facebook,instagram', '--content', 'all', '--visibility', 'public', '--age', 'adult'];
  const saveGerman = (name: string, args: string[]) => {
    const result = run(['--lang', 'de', ...args]);
    expect(result.code, result.stderr).toBe(0);
    const file = join(dir, name);
    writeFileSync(file, result.stdout);
    return file;
  };

  it('reads each back in German: the same answers today are the same, whatever the locale now', () => {
    const files = [
      saveGerman('de-plan.md', ['plan', ...ANSWERS, '--format', 'markdown']),
      saveGerman('de-plan.json', ['plan', ...ANSWERS, '--json']),
      saveGerman('de-verdict.json', ['--region', 'eu', '--platform', 'instagram', '--content', 'photos', '--visibility', 'public', '--age', 'adult', '--json']),
    ];
    expect(readFileSync(files[0]!, 'utf8').split('\n', 1)[0]).toMatch(/; reviewed: \d{4}-\d{2}-\d{2}; lang: de; answers: region=eu /);
    for (const file of files) {
      const { code, stdout } = run(['changes', file], { env: { LANG: 'C' } });
      expect(code, file).toBe(0);
      expect(stdout, file).toMatch(/^Nothing has changed since \d{4}-\d{2}-\d{2}: the same outcome, headline and steps as in /);
    }
  });

  it('names a German step that changed, in German, and whom a verdict is for', () => {
    const file = saveGerman('de-edited.md', ['plan', ...ANSWERS, '--format', 'markdown']);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\nFür Facebook, Instagram: Was ich an Meta AI sende.\n');
    writeFileSync(file, text.replace('Lösche alte Chats mit Meta AI;', 'Lösche alle alten Chats mit Meta AI;').replace('\nFür Facebook, Instagram: Was ich an Meta AI sende.\n', '\nFür Facebook: Was ich an Meta AI sende.\n'));
    const { code, stdout } = run(['changes', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('now covers Facebook, Instagram: Was ich an Meta AI sende (it covered Facebook: Was ich an Meta AI sende).');
    expect(stdout).toContain('  was: Lösche alle alten Chats mit Meta AI;');
    expect(stdout).toContain('  now: Lösche alte Chats mit Meta AI;');
  });
});
