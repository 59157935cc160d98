// The plan's core on the plan fixture: which combinations exist, how verdicts are grouped and
// ordered, shared steps given once, items that apply to part of a group, and the header.
import { describe, expect, it } from 'vitest';
import { checkTree } from '../../src/core/check.js';
import { explore, type Selection } from '../../src/core/combinations.js';
import { LIMITS } from '../../src/core/limits.js';
import { buildPlan, planFlags, type Plan } from '../../src/core/plan.js';
import type { Tree } from '../../src/core/schema.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { fixture } from '../helpers.js';
import { ENGLISH_WORDS, planPhrases } from '../../src/words.js';

const tree = fixture('plan.yaml');
const select = (entries: Record<string, string[] | 'all'>): Selection => new Map(Object.entries(entries));
const ALL = select({ app: 'all', content: 'all' });

function planOf(shared: Record<string, string>, selection: Selection, on: Tree = tree): Plan {
  const { combinations, open } = explore(on, shared, selection);
  expect(open).toEqual([]);
  return buildPlan(on, combinations, shared, selection, planPhrases(ENGLISH_WORDS));
}

/** The plan's outline: each section's verdicts, and each verdict's items (step numbers, references). */
const outline = (plan: Plan) =>
  plan.sections.map((s) => [s.kind, s.groups.map((g) => [g.verdictId, g.items.map((i) => ('step' in i ? i.step.number : `same ${i.same}`))])]);

describe('explore', () => {
  it('walks every combination of the chosen values that exists, in menu order', () => {
    const { combinations } = explore(tree, { region: 'eu', visibility: 'public' }, ALL);
    expect(combinations.map((c) => [c.answers.app, c.answers.content, c.verdictId])).toEqual([
      ['feed', 'posts', 'object'],
      ['feed', 'messages', 'not-used'],
      ['feed', 'ai', 'ai-chats'],
      ['chat', 'messages', 'not-used'],
      ['chat', 'ai', 'ai-chats'],
    ]);
  });

  it('skips silently the combinations that do not exist (the chat app has no posts)', () => {
    const { combinations, open } = explore(tree, { region: 'eu', visibility: 'public' }, select({ app: ['chat', 'feed'], content: ['posts'] }));
    expect(combinations.map((c) => [c.answers.app, c.answers.content])).toEqual([['feed', 'posts']]);
    expect(open).toEqual([]);
  });

  it('a path that asks no varying key is one combination (US feed app: no content question)', () => {
    const { combinations } = explore(tree, { region: 'us' }, select({ app: ['feed'], content: ['posts'] }));
    expect(combinations.map((c) => [c.answers, c.verdictId])).toEqual([[{ region: 'us', app: 'feed' }, 'no-opt-out']]);
  });

  it('lists the questions still open, once each, in the order met', () => {
    expect(explore(tree, {}, ALL).open.map((o) => o.questionId)).toEqual(['region']);
    expect(explore(tree, { region: 'eu' }, select({})).open.map((o) => o.questionId)).toEqual(['app-eu']);
    expect(explore(tree, { region: 'eu' }, select({ app: 'all' })).open.map((o) => o.questionId)).toEqual(['content-feed', 'content-chat']);
    const { open, combinations } = explore(tree, { region: 'eu' }, ALL);
    expect(open.map((o) => o.questionId)).toEqual(['visibility']);
    expect(combinations).toHaveLength(4); // the other paths need no visibility
  });

  it('tailors each combination: a step for the chat app only is in the chat app\'s verdict only', () => {
    const { combinations } = explore(tree, { region: 'eu' }, select({ app: 'all', content: ['ai'] }));
    const steps = combinations.map((c) => [c.answers.app, c.verdict.steps.map((s) => s.text)]);
    expect(steps).toEqual([
      ['feed', ["Don't send the AI anything private.", 'Fill in the objection   form.']],
      ['chat', ["Don't send the AI anything private.", 'Fill in the objection   form.', 'Turn on chat privacy in the chat app.']],
    ]);
  });

  it('stops beyond LIMITS.combinations, so a tree whose paths multiply cannot hang a plan', () => {
    const depth = Math.ceil(Math.log2(LIMITS.combinations.max)) + 1;
    const questions = Object.fromEntries(
      Array.from({ length: depth }, (_, i) => [`q${i}`, { prompt: `Question ${i}?`, choices: ['a', 'b'].map((value) => ({ value, label: value, next: i + 1 < depth ? `q${i + 1}` : 'end' })) }]),
    );
    const wide: Tree = { ...tree, start: 'q0', varying: Object.keys(questions), questions, verdicts: { end: tree.verdicts['not-used']! } };
    const result = explore(wide, {}, new Map(Object.keys(questions).map((k) => [k, 'all'])));
    expect(result.tooMany).toBe(true);
    expect(result.combinations.length).toBeLessThanOrEqual(LIMITS.combinations.max);
  });
});

describe('buildPlan', () => {
  it('gives each verdict once: actions, then nothing to do, then only mitigations', () => {
    expect(outline(planOf({ region: 'us' }, ALL))).toEqual([
      ['act', [['ai-chats', [1, 2, 3]]]],
      ['nothing', [['not-used', [4]]]],
      ['mitigate', [['no-opt-out', [5]]]],
    ]);
    const eu = planOf({ region: 'eu', visibility: 'public' }, ALL);
    expect(eu.sections.map((s) => [s.title, s.groups.map((g) => g.outcome)])).toEqual([
      ['What to do', ['opt-out', 'limited']],
      ['Nothing to do', ['not-used']],
    ]);
  });

  it('gives a step that two verdicts share once, and refers to it after (whitespace aside)', () => {
    const plan = planOf({ region: 'eu', visibility: 'public' }, ALL);
    expect(outline(plan)).toEqual([
      ['act', [['object', [1, 2]], ['ai-chats', [3, 'same 1', 4]]]],
      ['nothing', [['not-used', [5]]]],
    ]);
  });

  it('prints no step text twice', () => {
    const text = renderPlanText(planOf({ region: 'eu', visibility: 'public' }, ALL), 'optout-check plan', false, ENGLISH_WORDS);
    expect(text.match(/Fill in the objection +form\./g)).toHaveLength(1);
    expect(text).toContain('  3. Don\'t send the AI anything private. [2]\n  - Step 1 above.\n  4. Only for Chat app: Turn on');
  });

  it('gives a shared caveat once, under the first verdict', () => {
    const plan = planOf({ region: 'eu', visibility: 'public' }, ALL);
    const caveats = plan.sections[0]!.groups.map((g) => g.caveats.map((c) => c.text));
    expect(caveats).toEqual([['Objecting only affects future use.'], ['Others in a chat can send your messages to the AI.']]);
  });

  it('says which combinations a verdict covers, and an item that applies to part of them, in plain words', () => {
    const plan = planOf({ region: 'eu', visibility: 'public' }, ALL);
    const groups = plan.sections.flatMap((s) => s.groups);
    expect(groups.map((g) => [g.verdictId, g.covers])).toEqual([
      ['object', 'Feed app: posts'],
      ['ai-chats', 'Feed app, Chat app: AI chats'],
      ['not-used', 'Feed app: private messages; Chat app: chats with people'],
    ]);
    const aiChats = groups[1]!;
    expect(aiChats.items.flatMap((i) => ('step' in i ? [[i.step.text, i.step.only]] : []))).toEqual([
      ["Don't send the AI anything private.", undefined],
      ['Turn on chat privacy in the chat app.', 'Chat app'],
    ]);
    expect(aiChats.caveats.map((c) => c.only)).toEqual(['Chat app']);
  });

  it('words `only` for a step shared by verdicts that applies to part of one of them', () => {
    const shared = structuredClone(tree);
    shared.verdicts['not-used']!.steps.push({ text: 'Turn on chat privacy in the chat app.', sources: ['company'], when: { app: 'chat' } });
    const plan = planOf({ region: 'eu', visibility: 'public' }, ALL, shared);
    const step = plan.sections[0]!.groups[1]!.items.find((i) => 'step' in i && i.step.text.startsWith('Turn on'));
    expect(step).toMatchObject({ step: { number: 4, only: 'Chat app' } });
    expect(outline(plan)[1]).toEqual(['nothing', [['not-used', [5, 'same 4']]]]);
  });

  it('numbers the sources in the order a reader meets them, merging a shared step\'s citations', () => {
    const plan = planOf({ region: 'eu', visibility: 'public' }, select({ app: ['feed'], content: ['ai', 'posts'] }));
    expect(plan.sources.map((s) => s.id)).toEqual(['law', 'company']);
    const first = plan.sections[0]!.groups[0]!.items[0]!;
    expect(first).toMatchObject({ step: { number: 1, text: 'Fill in the objection form.', sources: ['law', 'company'] } });
  });

  it('heads the plan with the answers in plain words, and reproduces it as flags', () => {
    const plan = planOf({ region: 'eu', visibility: 'public' }, select({ app: ['chat', 'feed'], content: 'all' }));
    expect(plan.answers.map((a) => [a.prompt, a.text])).toEqual([
      ['Where do you live?', 'European Union'],
      ['Which app?', 'Feed app, Chat app'],
      ['Which content?', 'All'],
      ['Who can see it?', 'Everyone'],
    ]);
    expect(plan.answers.find((a) => a.key === 'content')).toMatchObject({ values: ['posts', 'messages', 'ai'], all: true });
    expect(planFlags(plan)).toBe('--region eu --app chat,feed --content all --visibility public');
  });

  it('names the given answers that no combination asks', () => {
    const plan = planOf({ region: 'us', visibility: 'public' }, select({ app: ['feed'], content: ['ai'] }));
    expect(plan.unused).toEqual(['visibility', 'content']);
  });
});

describe('validate checks `varying`', () => {
  const variant = (varying: string[]) => checkTree({ ...structuredClone(tree), varying });

  it('accepts answer keys, including one asked by several questions', () => {
    expect(checkTree(tree)).toEqual([]);
  });

  it('refuses a key the tree does not ask (with a suggestion), a key listed twice, and a key with a value "all"', () => {
    expect(variant(['app', 'contnet', 'app'])).toEqual([
      { path: ['varying', 1], message: '"contnet" is not an answer key of this tree (did you mean content?)' },
      { path: ['varying', 2], message: '"app" is listed twice' },
    ]);
    const withAll = structuredClone(tree);
    withAll.questions['app-eu']!.choices.push({ value: 'all', label: 'All apps', next: 'not-used' });
    expect(checkTree(withAll)).toEqual([{ path: ['varying', 0], message: '"app" has a value "all", which plan reserves for every value of a varying key' }]);
  });
});
