// The stable JSON document for `plan --json` (schemaVersion 1). Fields are added, never renamed.
import type { Plan, PlanGroup } from '../core/plan.js';
import { safeJson } from '../core/safe-text.js';

export function renderPlanJson(plan: Plan): string {
  const { tree } = plan;
  const index = new Map(plan.combinations.map((c, i) => [c, i]));
  const group = (g: PlanGroup) => ({
    verdict: g.verdictId,
    outcome: g.outcome,
    title: g.title,
    summary: g.summary,
    summarySources: g.summarySources,
    covers: g.covers,
    combinations: g.combinations.map((c) => index.get(c)!),
    steps: g.items.map((item) => ('step' in item ? item.step : { sameAs: item.same })),
    caveats: g.caveats,
    disputed: g.disputed,
  });
  const document = {
    schemaVersion: 1,
    lang: tree.lang ?? 'en',
    tree: { id: tree.id, title: tree.title, reviewed: tree.reviewed },
    // A varying key's values are a list (with `all`, every value the tree has for it).
    answers: Object.fromEntries(plan.answers.map((a) => [a.key, a.values ?? a.value])),
    combinations: plan.combinations.map((c) => ({ answers: c.answers, verdict: c.verdictId, outcome: c.verdict.outcome })),
    plan: plan.sections.map((section) => ({ section: section.kind, title: section.title, verdicts: section.groups.map(group) })),
    sources: plan.sources,
    unused: plan.unused,
  };
  return `${safeJson(document)}\n`;
}
