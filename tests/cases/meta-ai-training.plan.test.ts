// `plan` on the Meta tree against the single runs it replaces, for every region, audience and age:
// the same verdicts, each once, with the same outcomes, every step of every single run, no step twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerKeys } from '../../src/core/answers.js';
import { citedSourceIds } from '../../src/core/citations.js';
import { explore } from '../../src/core/combinations.js';
import { answersOf } from '../../src/core/paths.js';
import { buildPlan, type Plan } from '../../src/core/plan.js';
import type { Tree } from '../../src/core/schema.js';
import { tailor } from '../../src/core/tailor.js';
import { walk } from '../../src/core/walk.js';
import { loadTree } from '../../src/load/tree-file.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { ROOT } from '../helpers.js';
import { ENGLISH_WORDS, planPhrases } from '../../src/words.js';

let tree: Tree;
beforeAll(async () => {
  tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
});

const valuesOf = (key: string) => answerKeys(tree).find((k) => k.key === key)!.values;
const normalised = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Every single run for these shared answers: each platform × content that reaches a verdict. */
function singleRuns(shared: Record<string, string>) {
  const runs = new Map<string, { verdictId: string; outcome: string; steps: string[]; sources: string[] }>();
  for (const platform of valuesOf('platform')) {
    for (const content of valuesOf('content')) {
      const result = walk(tree, { ...shared, platform, content });
      if (result.kind !== 'verdict') continue;
      const answers = answersOf(result.path);
      const verdict = tailor(result.verdict, answers);
      runs.set(JSON.stringify(answers), { verdictId: result.verdictId, outcome: verdict.outcome, steps: verdict.steps.map((s) => normalised(s.text)), sources: citedSourceIds(verdict) });
    }
  }
  return runs;
}

function planFor(shared: Record<string, string>): Plan {
  const selection = new Map([['platform', 'all' as const], ['content', 'all' as const]]);
  const { combinations, open } = explore(tree, shared, selection);
  expect(open).toEqual([]);
  return buildPlan(tree, combinations, shared, selection, planPhrases(ENGLISH_WORDS));
}

const stepTexts = (plan: Plan) => plan.sections.flatMap((s) => s.groups.flatMap((g) => g.items.flatMap((i) => ('step' in i ? [normalised(i.step.text)] : []))));

describe('plan on the Meta tree, for every region, audience and age', () => {
  it('the tree declares platform and content as varying', () => {
    expect(tree.varying).toEqual(['platform', 'content']);
  });

  const cases = () =>
    valuesOf('region').flatMap((region) => valuesOf('visibility').flatMap((visibility) => valuesOf('age').map((age) => ({ region, visibility, age }))));

  it('has exactly the verdicts of the single runs, each once, with the same outcome, for every combination that exists', () => {
    for (const shared of cases()) {
      const runs = singleRuns(shared);
      const plan = planFor(shared);
      const context = JSON.stringify(shared);
      expect(plan.combinations.map((c) => JSON.stringify(c.answers)).sort(), context).toEqual([...runs.keys()].sort());
      const groups = plan.sections.flatMap((s) => s.groups);
      expect(groups.map((g) => g.verdictId).sort(), context).toEqual([...new Set([...runs.values()].map((r) => r.verdictId))].sort());
      for (const group of groups) {
        const outcomes = new Set([...runs.values()].filter((r) => r.verdictId === group.verdictId).map((r) => r.outcome));
        expect([...outcomes], `${context} ${group.verdictId}`).toEqual([group.outcome]);
      }
    }
  });

  it('gives every step and cites every source of every single run, and no step text twice', () => {
    for (const shared of cases()) {
      const plan = planFor(shared);
      const steps = stepTexts(plan);
      expect(steps.length, JSON.stringify(shared)).toBe(new Set(steps).size);
      const cited = new Set(plan.sources.map((s) => s.id));
      for (const run of singleRuns(shared).values()) {
        for (const step of run.steps) expect(steps, JSON.stringify(shared)).toContain(step);
        for (const id of run.sources) expect(cited.has(id), `${JSON.stringify(shared)} cites ${id}`).toBe(true);
      }
      const text = renderPlanText(plan, 'optout-check plan', false, ENGLISH_WORDS);
      for (const step of steps) expect(text.split(step).length - 1, step).toBe(1);
    }
  });

  it('lists actions first, then nothing to do, then only mitigations', () => {
    const rank = { act: 0, nothing: 1, mitigate: 2 };
    for (const shared of cases()) {
      const kinds = planFor(shared).sections.map((s) => rank[s.kind]);
      expect(kinds).toEqual([...kinds].sort());
      expect(new Set(kinds).size).toBe(kinds.length);
    }
  });
});
