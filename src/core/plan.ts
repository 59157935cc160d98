// One plan for many combinations: each distinct verdict once, with the combinations it covers;
// a step shared by several verdicts numbered once and referred to after; actions first.
import { answerKeys } from './answers.js';
import type { Combination, Selection } from './combinations.js';
import { describeCombinations, describeSubset, plainLabel, type CoverageWords } from './coverage.js';
import type { Answers } from './graph.js';
import { spend } from './limits.js';
import { shellWord } from './safe-text.js';
import type { Outcome, Source, Tree, Verdict, When } from './schema.js';
import { applies } from './tailor.js';

export type SectionKind = 'act' | 'nothing' | 'mitigate';

/** The sections, in the order a plan lists them. */
export const SECTIONS: readonly { kind: SectionKind; outcomes: readonly Outcome[] }[] = [
  { kind: 'act', outcomes: ['opt-out', 'limited'] },
  { kind: 'nothing', outcomes: ['not-used'] },
  { kind: 'mitigate', outcomes: ['no-opt-out'] },
];

/** The words a plan itself holds, in the language it is shown in (src/words.ts, planPhrases). */
export interface PlanPhrases extends Omit<CoverageWords, 'lowerFirst'> {
  /** Each section's title. */
  sections: Readonly<Record<SectionKind, string>>;
  /** The answer text of a varying key given as `all`. */
  all: string;
}

/** `only` is set when an item does not apply to every combination of the verdicts it is part of. */
export interface PlanStep {
  number: number;
  text: string;
  url?: string;
  sources: string[];
  only?: string;
}
export interface PlanNote {
  text: string;
  sources: string[];
  only?: string;
}
export interface PlanDispute {
  topic: string;
  sides: { claim: string; sources: string[] }[];
  only?: string;
}

/**
 * Whom an item is only for, when its own text does not already say so: a step for Instagram alone
 * that begins "Instagram: …" needs no "Only for Instagram" before it.
 */
export const onlyFor = (item: { only?: string }, text: string): string | undefined =>
  item.only && !text.startsWith(`${item.only}:`) ? item.only : undefined;

/** A step given here, or a reference to the same step given earlier in the plan. */
export type PlanItem = { step: PlanStep } | { same: number };

export interface PlanGroup {
  verdictId: string;
  outcome: Outcome;
  title: string;
  summary: string;
  summarySources: string[];
  combinations: Combination[];
  /** The combinations, in plain words. */
  covers: string;
  items: PlanItem[];
  /** Only the caveats and disputes not already given under an earlier verdict. */
  caveats: PlanNote[];
  disputed: PlanDispute[];
}

export interface PlanSection {
  kind: SectionKind;
  title: string;
  groups: PlanGroup[];
}

/** One answer as the plan's header gives it: `values` for a varying key, `value` otherwise. */
export interface PlanAnswer {
  key: string;
  prompt: string;
  value?: string;
  /** The values chosen; with `all`, every value of the key in the tree. */
  values?: readonly string[];
  all?: true;
  /** The answer in plain words: its label, or the labels of the values chosen, or "All". */
  text: string;
}

export interface Plan {
  tree: Tree;
  /** The answers some combination asks, shared and varying, in the order first asked. */
  answers: PlanAnswer[];
  combinations: Combination[];
  /** Only the sections with something in them. */
  sections: PlanSection[];
  /** Every cited source, numbered in the order a reader meets them: [n] is index n - 1. */
  sources: (Source & { id: string })[];
  /** Given answers that no combination asks. */
  unused: string[];
}

export function buildPlan(tree: Tree, combinations: Combination[], given: Answers, selection: Selection, phrases: PlanPhrases): Plan {
  const varying = tree.varying ?? [];
  // Labels are in the tree's language, which decides whether one loses its capital inside a list.
  const coverage: CoverageWords = { everything: phrases.everything, lowerFirst: (tree.lang ?? 'en') === 'en' };
  const ledger = new Ledger();
  const groups = groupsByVerdict(combinations);
  const sections = SECTIONS.map(({ kind, outcomes }) => ({
    kind,
    title: phrases.sections[kind],
    groups: groups
      .filter(([id]) => outcomes.includes(tree.verdicts[id]!.outcome))
      .sort(([a], [b]) => outcomes.indexOf(tree.verdicts[a]!.outcome) - outcomes.indexOf(tree.verdicts[b]!.outcome))
      .map(([id, group]) => planGroup(tree, id, group, varying, ledger, coverage)),
  })).filter((section) => section.groups.length > 0);
  ledger.describe(varying, coverage);

  const asked = new Set<string>();
  for (const { path } of combinations) for (const step of path) asked.add(step.ask);
  return {
    tree,
    answers: planAnswers(tree, combinations, selection, phrases.all),
    combinations,
    sections,
    sources: citationOrder(sections).map((id) => ({ id, ...tree.sources[id]! })),
    unused: [...Object.keys(given), ...selection.keys()].filter((key) => !asked.has(key)),
  };
}

/** The combinations of each verdict, verdicts in the order first reached (a stable sort keeps it). */
function groupsByVerdict(combinations: Combination[]): [string, Combination[]][] {
  const groups = new Map<string, Combination[]>();
  for (const combination of combinations) {
    const group = groups.get(combination.verdictId) ?? [];
    group.push(combination);
    groups.set(combination.verdictId, group);
  }
  return [...groups];
}

function planGroup(tree: Tree, verdictId: string, group: Combination[], varying: readonly string[], ledger: Ledger, words: CoverageWords): PlanGroup {
  const verdict = tree.verdicts[verdictId]!;
  const items: PlanItem[] = [];
  for (const { item, applies } of applying(verdict.steps, group)) {
    const step = ledger.note('step', item.text, applies, group, (): PlanStep => ({
      number: ledger.nextNumber(),
      text: item.text,
      ...(item.url ? { url: item.url } : {}),
      sources: [],
    }));
    if (step.isNew) items.push({ step: step.item });
    else items.push({ same: step.item.number });
    ledger.cite(step.item, item.sources);
  }
  const caveats = applying(verdict.caveats, group)
    .map(({ item, applies }) => ledger.note('caveat', item.text, applies, group, (): PlanNote => ({ text: item.text, sources: item.sources })))
    .filter((noted) => noted.isNew)
    .map((noted) => noted.item);
  const disputed = applying(verdict.disputed, group)
    .map(({ item, applies }) => {
      const key = [item.topic, ...item.sides.map((side) => side.claim)].join('\n');
      return ledger.note('dispute', key, applies, group, (): PlanDispute => ({ topic: item.topic, sides: item.sides }));
    })
    .filter((noted) => noted.isNew)
    .map((noted) => noted.item);
  return {
    verdictId,
    outcome: verdict.outcome,
    title: verdict.title,
    summary: verdict.summary,
    summarySources: verdict.sources,
    combinations: group,
    covers: describeCombinations(group, varying, words),
    items,
    caveats,
    disputed,
  };
}

/**
 * The items of a verdict (steps, caveats or disputes) that apply to any of its combinations, and
 * to which: the whole group for an item without a condition (the same array, not a copy).
 */
function applying<T extends { when?: When }>(list: T[] | undefined, group: Combination[]): { item: T; applies: Combination[] }[] {
  return (list ?? [])
    .map((item) => ({ item, applies: item.when ? group.filter((c) => applies(item.when, c.answers)) : group }))
    .filter(({ applies }) => applies.length > 0);
}

type Noted = PlanStep | PlanNote | PlanDispute;

/**
 * The items given so far, by kind and text, with the combinations each applies to in every
 * verdict group it appears under: only once all are known can `only` be worded. Kept per group,
 * as the group's own array where an item applies to all of it, so that noting costs nothing per
 * combination.
 */
class Ledger {
  private readonly entries = new Map<string, { item: Noted; byGroup: Map<Combination[], Set<Combination> | 'all'> }>();
  private readonly cited = new WeakMap<PlanStep, Set<string>>();
  private steps = 0;

  nextNumber(): number {
    return ++this.steps;
  }

  note<T extends Noted>(kind: string, text: string, applies: Combination[], group: Combination[], make: () => T): { item: T; isNew: boolean } {
    const key = `${kind}\n${text.trim().replace(/\s+/g, ' ')}`;
    const earlier = this.entries.get(key);
    const entry = earlier ?? { item: make(), byGroup: new Map() };
    const before = entry.byGroup.get(group);
    if (applies === group || before === 'all') entry.byGroup.set(group, 'all');
    else {
      spend(applies.length);
      const set = before ?? new Set<Combination>();
      for (const c of applies) set.add(c);
      entry.byGroup.set(group, set);
    }
    this.entries.set(key, entry);
    return { item: entry.item as T, isNew: !earlier };
  }

  /** Adds the sources a step cites here to those it cites under earlier verdicts. */
  cite(step: PlanStep, ids: readonly string[]): void {
    let known = this.cited.get(step);
    if (!known) this.cited.set(step, (known = new Set()));
    spend(ids.length);
    for (const id of ids) {
      if (known.has(id)) continue;
      known.add(id);
      step.sources.push(id);
    }
  }

  describe(varying: readonly string[], words: CoverageWords): void {
    for (const { item, byGroup } of this.entries.values()) {
      if ([...byGroup.values()].every((applies) => applies === 'all')) continue;
      const subset: Combination[] = [];
      const within: Combination[] = [];
      for (const [group, applies] of byGroup) {
        for (const c of group) within.push(c);
        for (const c of applies === 'all' ? group : applies) subset.push(c);
      }
      if (subset.length < within.length) item.only = describeSubset(subset, within, varying, words);
    }
  }
}

function planAnswers(tree: Tree, combinations: Combination[], selection: Selection, all: string): PlanAnswer[] {
  const answers = new Map<string, PlanAnswer & { labels: Map<string, string> }>();
  for (const { path } of combinations) {
    for (const step of path) {
      const answer = answers.get(step.ask) ?? { key: step.ask, prompt: tree.questions[step.question]!.prompt, text: '', labels: new Map() };
      if (!answer.labels.has(step.answer)) answer.labels.set(step.answer, plainLabel(step.label));
      answers.set(step.ask, answer);
    }
  }
  return [...answers.values()].map(({ labels, ...answer }) => {
    const values = selection.get(answer.key);
    if (!values) return { ...answer, value: [...labels.keys()][0]!, text: [...labels.values()][0]! };
    if (values === 'all') return { ...answer, values: answerKeys(tree).find((k) => k.key === answer.key)!.values, all: true as const, text: all };
    return { ...answer, values, text: [...labels.values()].join(', ') };
  });
}

function citationOrder(sections: PlanSection[]): string[] {
  const ids = new Set<string>();
  const cite = (list: string[]) => list.forEach((id) => ids.add(id));
  for (const group of sections.flatMap((s) => s.groups)) {
    cite(group.summarySources);
    for (const item of group.items) if ('step' in item) cite(item.step.sources);
    for (const caveat of group.caveats) cite(caveat.sources);
    for (const dispute of group.disputed) for (const side of dispute.sides) cite(side.sources);
  }
  return [...ids];
}

/**
 * A plan as documents for people show it: the combinations only counted (each verdict names its
 * own in `covers`), the tree only named. Small, so that copying it (to escape it) does not cost
 * the combinations times their steps.
 */
export type ShownPlan = Omit<Plan, 'tree' | 'combinations' | 'sections'> & {
  tree: Pick<Tree, 'id' | 'title' | 'reviewed'>;
  combinationCount: number;
  sections: (Omit<PlanSection, 'groups'> & { groups: ShownGroup[] })[];
};
export type ShownGroup = Omit<PlanGroup, 'combinations'>;

export const shownPlan = ({ tree, combinations, sections, ...rest }: Plan): ShownPlan => ({
  ...rest,
  tree: { id: tree.id, title: tree.title, reviewed: tree.reviewed },
  combinationCount: combinations.length,
  sections: sections.map((section) => ({ ...section, groups: section.groups.map(({ combinations: _, ...group }) => group) })),
});

/** An answer as a flag's value: `all`, the values chosen comma-separated, or the one value. */
export const answerValue = ({ value, values, all }: PlanAnswer): string => (all ? 'all' : (values?.join(',') ?? value!));

/** The flags that make the same plan in a script, each word quoted for a shell. */
export const planFlags = (plan: Pick<Plan, 'answers'>): string =>
  plan.answers.map((answer) => `${shellWord(`--${answer.key}`)} ${shellWord(answerValue(answer))}`).join(' ');
