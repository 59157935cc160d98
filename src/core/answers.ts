// The answer keys a tree asks (its flags), their values, and the checks on given answers.
import { answerRecord, askOf, type Answers } from './graph.js';
import { Budget, spend } from './limits.js';
import type { Choice, Tree } from './schema.js';
import { suggest } from './suggest.js';

export interface AnswerKey {
  key: string;
  /** The prompt of the first question that asks this key, for help texts. */
  prompt: string;
  /** Every value of this key anywhere in the tree, in first-seen order. */
  values: string[];
}

/**
 * The keys asked by the given questions (by default all), in the order first asked (questions are
 * listed in file order), each with every value those questions offer.
 */
export function answerKeys(tree: Tree, questionIds?: string[]): AnswerKey[] {
  // Every run asks for all of a tree's keys several times (flags, checks, help): once is enough.
  if (!questionIds) return allKeys.get(tree) ?? allKeys.set(tree, answerKeys(tree, Object.keys(tree.questions))).get(tree)!;
  const keys = new Map<string, AnswerKey & { seen: Set<string> }>();
  for (const id of questionIds) {
    const question = tree.questions[id]!;
    const key = askOf(id, question);
    const entry = keys.get(key) ?? { key, prompt: question.prompt, values: [], seen: new Set<string>() };
    spend(1 + question.choices.length);
    for (const { value } of question.choices) {
      if (entry.seen.has(value)) continue;
      entry.seen.add(value);
      entry.values.push(value);
    }
    keys.set(key, entry);
  }
  return [...keys.values()].map(({ seen: _, ...key }) => key);
}
const allKeys = new WeakMap<Tree, AnswerKey[]>();

export type AnswerProblem =
  | { kind: 'unknown-key'; key: string; value: string; suggestion?: string }
  | { kind: 'bad-value'; key: string; value: string; values: string[]; suggestion?: string; /** The alias the suggestion was near. */ alias?: string };

/** Answer values match case-insensitively: `--region EU` is eu. */
export const sameValue = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The value of `values` that `value` spells in any case, e.g. EU → eu. */
export const canonicalValue = (values: readonly string[], value: string): string | undefined =>
  values.find((v) => sameValue(v, value));

/**
 * How typed answers and aliases are compared: in any case, without accents, with spaces, dashes,
 * dots and underscores alike ("Österreich" is "osterreich", "europe_other" is "europe other").
 */
export const answerForm = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s._-]+/g, ' ').trim();

/** A way of writing an answer: its value, or one of its aliases as the tree spells it. */
export interface Spelling {
  value: string;
  /** The alias, when this is not the value itself. */
  alias?: string;
}

/**
 * Every way of writing each key's values, by answerForm: the values and their aliases. A form
 * that two questions give to different values keeps the first; validate reports the clash.
 */
export function spellings(tree: Tree): Map<string, Map<string, Spelling>> {
  const byKey = new Map<string, Map<string, Spelling>>();
  for (const [id, question] of Object.entries(tree.questions)) {
    const key = askOf(id, question);
    spend(1 + question.choices.length);
    byKey.set(key, addSpellings(byKey.get(key) ?? new Map(), question.choices));
  }
  return byKey;
}

/** `forms` with the spellings of `choices` added: values first, then aliases; a form already there stays. */
export function addSpellings(forms: Map<string, Spelling>, choices: readonly Choice[]): Map<string, Spelling> {
  const add = (text: string, spelling: Spelling) => forms.has(answerForm(text)) || forms.set(answerForm(text), spelling);
  for (const { value } of choices) add(value, { value });
  for (const { value, aliases = [] } of choices) for (const alias of aliases) add(alias, { value, alias });
  return forms;
}

/** The value `typed` names among `forms` (see spellings), or the nearest spelling as a suggestion. */
export function readAnswer(forms: ReadonlyMap<string, Spelling>, typed: string, hints?: Budget): { value: string } | { suggestion?: Spelling } {
  const form = answerForm(typed);
  const found = forms.get(form);
  if (found) return { value: found.value };
  const near = suggest(form, [...forms.keys()], hints);
  return { suggestion: near === undefined ? undefined : forms.get(near) };
}

/** A suggestion in words: `eu`, or `eu (Germany)` when it was an alias that came close. */
export const suggestionText = (spelling: Spelling): string => (spelling.alias ? `${spelling.value} (${spelling.alias})` : spelling.value);

/**
 * Checks answers one at a time against the tree's answer keys, worked out once: each answer's value
 * in its tree spelling (values match in any case, and aliases name their value), or why it is not
 * an answer (a key the tree never asks, or a value no question of that key offers). Did-you-mean
 * has one budget.
 */
export function answerChecker(tree: Tree): (key: string, value: string) => { value: string } | AnswerProblem {
  const keys = new Map(answerKeys(tree).map((k) => [k.key, k]));
  const names = [...keys.keys()];
  const hints = new Budget('suggestions');
  // Built only for an answer not spelled as a value: an alias, or a mistake to suggest for.
  let forms: Map<string, Map<string, Spelling>> | undefined;
  /** Each key's values by their lower case, made when first needed. */
  const byCase = new Map<string, Map<string, string>>();
  const valuesByCase = (known: AnswerKey) => {
    let values = byCase.get(known.key);
    if (!values) {
      spend(known.values.length);
      values = new Map([...known.values].reverse().map((v) => [v.toLowerCase(), v]));
      byCase.set(known.key, values);
    }
    return values;
  };
  return (key, value) => {
    spend(1);
    const known = keys.get(key);
    if (!known) return { kind: 'unknown-key', key, value, suggestion: suggest(key, names, hints) };
    const exact = valuesByCase(known).get(value.toLowerCase());
    if (exact !== undefined) return { value: exact };
    forms ??= spellings(tree);
    const read = readAnswer(forms.get(key)!, value, hints);
    if ('value' in read) return { value: read.value };
    return { kind: 'bad-value', key, value, values: known.values, suggestion: read.suggestion?.value, ...(read.suggestion?.alias ? { alias: read.suggestion.alias } : {}) };
  };
}

/** The given answers in their tree spelling, and the problems of those that are not answers (see answerChecker). */
export function checkAnswers(tree: Tree, given: Answers): { answers: Record<string, string>; problems: AnswerProblem[] } {
  const check = answerChecker(tree);
  const answers = answerRecord();
  const problems: AnswerProblem[] = [];
  for (const [key, value] of Object.entries(given)) {
    const checked = check(key, value);
    if ('kind' in checked) problems.push(checked);
    else answers[key] = checked.value;
  }
  return { answers, problems };
}
