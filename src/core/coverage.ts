// Which combinations a verdict or a step covers, in plain words from the tree's own labels:
// "Facebook, Instagram: text posts and captions, comments; WhatsApp: chats with people".
import type { Combination } from './combinations.js';
import { askOf } from './graph.js';
import type { Tree } from './schema.js';
import { spend } from './limits.js';
import type { PathStep } from './walk.js';

/** A menu label as words in a sentence: without its trailing aside in parentheses. */
export const plainLabel = (label: string): string => label.replace(/\s+\([^()]*\)$/, '');

/**
 * The label of each answer, as words in a sentence (its aside in parentheses left out): the first
 * question that offers the value names it.
 */
export function answerLabels(tree: Tree): (key: string, value: string) => string {
  const labels = new Map<string, string>();
  for (const [id, question] of Object.entries(tree.questions)) {
    for (const choice of question.choices) {
      const entry = `${askOf(id, question)}\n${choice.value}`;
      if (!labels.has(entry)) labels.set(entry, plainLabel(choice.label));
    }
  }
  return (key, value) => labels.get(`${key}\n${value}`) ?? value;
}

/** The words that say whom something is for, in the language shown. */
export interface CoverageWords {
  /** Whom a verdict is for when its paths ask no varying key: "everything you chose". */
  everything: string;
  /** Whether a label inside a list loses its capital: English "photos and videos", not German "fotos und Videos". */
  lowerFirst: boolean;
}

/** Lower-cases a capitalised first word ("Photos and videos"), but not an acronym ("AI chats"). */
const inSentence = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** A combination's steps by the key they ask, found once per combination. */
const stepsByKey = new WeakMap<Combination, Map<string, PathStep>>();
function stepAsking(combination: Combination, key: string): PathStep | undefined {
  let steps = stepsByKey.get(combination);
  if (!steps) {
    spend(combination.path.length);
    steps = new Map(combination.path.map((step) => [step.ask, step]));
    stepsByKey.set(combination, steps);
  }
  return steps.get(key);
}

/** The labels a combination chose for the varying keys, in the order its path asked them. */
const varyingLabels = (combination: Combination, varying: ReadonlySet<string>): string[] => {
  spend(combination.path.length);
  return combination.path.filter((step) => varying.has(step.ask)).map((step) => plainLabel(step.label));
};

/**
 * Groups by the first varying answer and lists the rest after it; first answers with the same
 * list share one entry. A path that asks no varying key is `words.everything`.
 */
export function describeCombinations(combinations: readonly Combination[], varying: readonly string[], words: CoverageWords): string {
  const keys = new Set(varying);
  const byFirst = new Map<string, Set<string>>();
  for (const combination of combinations) {
    const [first = words.everything, ...rest] = varyingLabels(combination, keys);
    const list = byFirst.get(first) ?? new Set<string>();
    const text = (words.lowerFirst ? rest.map(inSentence) : rest).join(' / ');
    if (text) list.add(text);
    byFirst.set(first, list);
  }
  const entries = new Map<string, { firsts: string[]; rest: string[] }>();
  for (const [first, rest] of byFirst) {
    const same = [...rest].join('\n');
    const entry = entries.get(same) ?? { firsts: [], rest: [...rest] };
    entry.firsts.push(first);
    entries.set(same, entry);
  }
  return [...entries.values()].map(({ firsts, rest }) => (rest.length > 0 ? `${firsts.join(', ')}: ${rest.join(', ')}` : firsts.join(', '))).join('; ');
}

/**
 * The part of `all` that `subset` is, as briefly as the answers allow: when one varying key tells
 * them apart (a step only for Instagram), its values; otherwise every combination in the subset.
 */
export function describeSubset(subset: readonly Combination[], all: readonly Combination[], varying: readonly string[], words: CoverageWords): string {
  const inSubset = new Set(subset);
  for (const key of varying) {
    const values = new Map<string, string>();
    spend(subset.length + all.length);
    for (const combination of subset) {
      const step = stepAsking(combination, key);
      if (step) values.set(step.answer, plainLabel(step.label));
    }
    const decides = all.every((c) => inSubset.has(c) === (Object.hasOwn(c.answers, key) && values.has(c.answers[key]!)));
    if (values.size > 0 && decides) return [...values.values()].join(', ');
  }
  return describeCombinations(subset, varying, words);
}
