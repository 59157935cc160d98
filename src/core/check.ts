// Graph checks on a tree that passed the schema: every problem at once, each with the path of
// the YAML node it concerns (so the loader can print file:line:col). A tree over the size limits
// (limits.ts) gets only that problem; within them, each check takes time linear in the tree's
// size, or that times a small number (see checkRepeatedKeys and answeredOnTheWay).
import { answerKeys, type AnswerKey } from './answers.js';
import { checkAliases } from './check-aliases.js';
import { checkVarying } from './check-varying.js';
import { askOf, isQuestion, isVerdict } from './graph.js';
import { Budget, LIMITS, overLimitMessage, spend } from './limits.js';
import type { Tree, When } from './schema.js';
import { suggest } from './suggest.js';
import type { TreeProblem } from './tree-problem.js';

export function checkTree(tree: Tree): TreeProblem[] {
  const keys = answerKeys(tree);
  const tooLarge = checkSize(tree, keys);
  if (tooLarge.length > 0) return tooLarge;
  // Did-you-mean has one budget for the whole check.
  const hints = new Budget('suggestions');
  const { postOrder, backEdges } = depthFirst(tree);
  const reached = reachableFromStart(tree);
  return [
    ...checkIds(tree),
    ...checkEdges(tree),
    ...backEdges.map(({ from, choice, loop }) => ({
      path: ['questions', from, 'choices', choice, 'next'],
      message: `cycle: ${loop}`,
    })),
    ...checkReachable(tree, reached),
    ...checkRepeatedKeys(tree, postOrder),
    ...checkSources(tree),
    ...checkVarying(tree, keys, hints),
    ...checkAliases(tree),
    ...checkConditions(tree, keys, hints, reached, backEdges.length === 0 ? postOrder : undefined),
  ];
}

/** The limits on a tree's size as a whole; the schema checks those of its parts. */
function checkSize(tree: Tree, keys: AnswerKey[]): TreeProblem[] {
  const nodes = Object.keys(tree.questions).length + Object.keys(tree.verdicts).length;
  if (nodes > LIMITS.nodes.max) return [{ path: ['questions'], message: overLimitMessage('nodes', nodes) }];
  if (keys.length > LIMITS.answerKeys.max) return [{ path: ['questions'], message: overLimitMessage('answerKeys', keys.length) }];
  return keys
    .filter((k) => k.values.length > LIMITS.values.max)
    .map((k) => ({ path: ['questions'], message: `"${k.key}": ${overLimitMessage('values', k.values.length)}` }));
}

function checkIds(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  for (const id of Object.keys(tree.verdicts)) {
    if (isQuestion(tree, id)) problems.push({ path: ['verdicts', id], message: `"${id}" is both a question and a verdict` });
  }
  for (const [id, question] of Object.entries(tree.questions)) {
    const seen = new Set<string>();
    spend(question.choices.length);
    question.choices.forEach(({ value }, i) => {
      if (seen.has(value)) problems.push({ path: ['questions', id, 'choices', i, 'value'], message: `duplicate choice value "${value}"` });
      seen.add(value);
    });
  }
  return problems;
}

function checkEdges(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  if (!isQuestion(tree, tree.start)) {
    problems.push({ path: ['start'], message: `start "${tree.start}" is not a question` });
  }
  for (const [id, question] of Object.entries(tree.questions)) {
    spend(question.choices.length);
    question.choices.forEach(({ next }, i) => {
      if (!isQuestion(tree, next) && !isVerdict(tree, next)) {
        problems.push({ path: ['questions', id, 'choices', i, 'next'], message: `next "${next}" is not a question or verdict` });
      }
    });
  }
  return problems;
}

interface BackEdge {
  from: string;
  choice: number;
  /** The questions on the cycle, for the message: "a → b → a", shortened when long. */
  loop: string;
}

/** A cycle of `n` questions, the `i`th being `at(i)`: the first and last few when there are many, so that a message stays short. */
function describeLoop(n: number, at: (i: number) => string): string {
  const shown = n <= 8 ? Array.from({ length: n }, (_, i) => at(i)) : [0, 1, 2, 3].map(at).concat(`… (${n - 6} more)`, at(n - 2), at(n - 1));
  return shown.join(' → ');
}

/**
 * One depth-first pass over the questions, with an explicit stack (deep trees must not overflow
 * the call stack): the questions in post-order (children before parents) and the edges that
 * close a cycle.
 */
function depthFirst(tree: Tree): { postOrder: string[]; backEdges: BackEdge[] } {
  const postOrder: string[] = [];
  const backEdges: BackEdge[] = [];
  const state = new Map<string, 'open' | 'done'>();
  /** Where each open question is on the stack. */
  const depth = new Map<string, number>();
  for (const root of Object.keys(tree.questions)) {
    if (state.has(root)) continue;
    const stack: { id: string; choice: number }[] = [{ id: root, choice: 0 }];
    state.set(root, 'open');
    depth.set(root, 0);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const choices = tree.questions[frame.id]!.choices;
      spend(1);
      if (frame.choice === choices.length) {
        state.set(frame.id, 'done');
        depth.delete(frame.id);
        postOrder.push(frame.id);
        stack.pop();
        continue;
      }
      const choice = frame.choice++;
      const next = choices[choice]!.next;
      if (!isQuestion(tree, next)) continue;
      if (state.get(next) === 'open') {
        const from = depth.get(next)!;
        const length = stack.length - from;
        backEdges.push({ from: frame.id, choice, loop: describeLoop(length + 1, (i) => (i < length ? stack[from + i]!.id : next)) });
      } else if (!state.has(next)) {
        state.set(next, 'open');
        depth.set(next, stack.length);
        stack.push({ id: next, choice: 0 });
      }
    }
  }
  return { postOrder, backEdges };
}

/** The nodes reachable from the start. */
function reachableFromStart(tree: Tree): Set<string> {
  const seen = new Set<string>();
  const stack = [tree.start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const choices = tree.questions[id]?.choices ?? [];
    spend(1 + choices.length);
    for (const { next } of choices) stack.push(next);
  }
  return seen;
}

function checkReachable(tree: Tree, seen: Set<string>): TreeProblem[] {
  return [
    ...Object.keys(tree.questions).filter((id) => !seen.has(id)).map((id) => ({ path: ['questions', id], message: `question "${id}" is unreachable from start` })),
    ...Object.keys(tree.verdicts).filter((id) => !seen.has(id)).map((id) => ({ path: ['verdicts', id], message: `verdict "${id}" is unreachable from start` })),
  ];
}

/**
 * A row of bits per id, all in one typed array: what the checks below carry from node to node,
 * 32 at a time (an edge costs one operation per 32 keys or verdicts, not one per key or verdict).
 */
function bitRows(ids: readonly string[], width: number): Map<string, Uint32Array> {
  const bits = new Uint32Array(ids.length * width);
  return new Map(ids.map((id, i) => [id, bits.subarray(i * width, (i + 1) * width)]));
}

/** Adds the bits of `from`, if there is such a row, to `to`. */
function orInto(to: Uint32Array, from: Uint32Array | undefined): void {
  spend(to.length);
  if (from) for (let w = 0; w < to.length; w++) to[w] = to[w]! | from[w]!;
}

const setBit = (row: Uint32Array, bit: number): void => void (row[bit >>> 5] = row[bit >>> 5]! | (1 << (bit & 31)));
const hasBit = (row: Uint32Array, bit: number): boolean => (row[bit >>> 5]! & (1 << (bit & 31))) !== 0;

/**
 * A path must not ask the same key twice: one flag can carry only one answer. Only a key asked by
 * several questions can repeat; for each question, the keys among those asked at or below it are
 * computed once, in reverse topological order: the edges times the words of those keys (at most
 * seven words, with LIMITS.answerKeys at 200).
 */
function checkRepeatedKeys(tree: Tree, postOrder: string[]): TreeProblem[] {
  const askedBy = new Map<string, number>();
  for (const [id, question] of Object.entries(tree.questions)) askedBy.set(askOf(id, question), (askedBy.get(askOf(id, question)) ?? 0) + 1);
  const bitOf = new Map([...askedBy].filter(([, n]) => n > 1).map(([key], i) => [key, i]));
  if (bitOf.size === 0) return [];
  const below = bitRows(postOrder, Math.ceil(bitOf.size / 32));
  const problems: TreeProblem[] = [];
  for (const id of postOrder) {
    const question = tree.questions[id]!;
    const key = askOf(id, question);
    const keys = below.get(id)!;
    for (const { next } of question.choices) orInto(keys, below.get(next));
    const bit = bitOf.get(key);
    if (bit === undefined) continue;
    if (hasBit(keys, bit)) problems.push({ path: ['questions', id], message: `"${key}" is asked again on a path below question "${id}"` });
    setBit(keys, bit);
  }
  return problems;
}

function checkSources(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const used = new Set<string>();
  const cite = (ids: string[], path: (string | number)[]) => {
    spend(ids.length);
    ids.forEach((id, i) => {
      used.add(id);
      if (!Object.hasOwn(tree.sources, id)) problems.push({ path: [...path, i], message: `unknown source "${id}"` });
    });
  };
  for (const [id, verdict] of Object.entries(tree.verdicts)) {
    const at = ['verdicts', id];
    cite(verdict.sources, [...at, 'sources']);
    verdict.steps.forEach((step, i) => cite(step.sources, [...at, 'steps', i, 'sources']));
    verdict.caveats?.forEach((caveat, i) => cite(caveat.sources, [...at, 'caveats', i, 'sources']));
    verdict.disputed?.forEach((dispute, i) =>
      dispute.sides.forEach((side, j) => cite(side.sources, [...at, 'disputed', i, 'sides', j, 'sources'])),
    );
  }
  for (const id of Object.keys(tree.sources)) {
    if (!used.has(id)) problems.push({ path: ['sources', id], message: `source "${id}" is never cited` });
    else if (!tree.sources[id]!.quotes?.length) {
      problems.push({ path: ['sources', id], message: `source "${id}" is cited but quotes nothing: add the passages the tree relies on, verbatim`, warning: true });
    }
  }
  return problems;
}

/** A `when` condition on a verdict's step, caveat or dispute, with the path of its YAML node. */
interface Condition {
  verdictId: string;
  at: (string | number)[];
  when: When;
}

function conditionsOf(tree: Tree): Condition[] {
  const conditions: Condition[] = [];
  for (const [verdictId, verdict] of Object.entries(tree.verdicts)) {
    const lists = { steps: verdict.steps, caveats: verdict.caveats, disputed: verdict.disputed };
    for (const [list, items] of Object.entries(lists)) {
      items?.forEach(({ when }, i) => when && conditions.push({ verdictId, at: ['verdicts', verdictId, list, i, 'when'], when }));
    }
  }
  return conditions;
}

/** A list of values for a message: the first ten, and how many more. */
const listed = (values: readonly string[]): string =>
  values.length <= 10 ? values.join(', ') : `${values.slice(0, 10).join(', ')}, … (${values.length} values)`;

/** One key=value pair a condition names, where it is named. */
interface Wanted {
  verdictId: string;
  key: string;
  value: string;
  at: (string | number)[];
}

/**
 * Every `when` names answer keys and values the tree has, and each key/value pair can be answered
 * on some path to its verdict (each pair on its own: a per-key check, not the conjunction).
 * `postOrder` is left out for a tree with a cycle, where paths are not defined.
 */
function checkConditions(tree: Tree, keys: AnswerKey[], hints: Budget, reached: Set<string>, postOrder: string[] | undefined): TreeProblem[] {
  const conditions = conditionsOf(tree);
  if (conditions.length === 0) return [];
  const valuesOf = new Map(keys.map((k) => [k.key, { list: k.values, set: new Set(k.values) }]));
  const names = keys.map((k) => k.key);
  const problems: TreeProblem[] = [];
  const wanted: Wanted[] = [];
  for (const condition of conditions) {
    for (const [key, allowed] of Object.entries(condition.when)) {
      const at = [...condition.at, key];
      const values = valuesOf.get(key);
      spend(1);
      if (!values) {
        const hint = suggest(key, names, hints);
        problems.push({ path: at, message: `when: the tree asks no question "${key}"${hint ? ` (did you mean ${hint}?)` : ''}` });
        continue;
      }
      const list = typeof allowed === 'string' ? [allowed] : allowed;
      spend(list.length);
      list.forEach((value, j) => {
        const path = typeof allowed === 'string' ? at : [...at, j];
        if (values.set.has(value)) wanted.push({ verdictId: condition.verdictId, key, value, at: path });
        else problems.push({ path, message: `when: "${key}" has no value "${value}" (values: ${listed(values.list)})` });
      });
    }
  }
  if (!postOrder) return problems;
  const answered = answeredOnTheWay(tree, postOrder, reached, wanted);
  wanted.forEach(({ verdictId, key, value, at }, i) => {
    if (!answered[i]) problems.push({ path: at, message: `when: no path to verdict "${verdictId}" answers ${key} ${value}, so this is never shown` });
  });
  return problems;
}

/**
 * Whether each wanted pair is answered on some path from the start to its verdict: whether a
 * choice that answers it, at a question reachable from the start, leads to that verdict. Which
 * verdicts each node leads to is carried in post-order (children first) as bits, for 1,024 of the
 * verdicts that conditions name at a time; then each pair's choices are looked at once per batch.
 * The cost is the edges times the words of a batch, times the batches: linear for a tree with up
 * to 1,024 verdicts that have conditions, and bounded by LIMITS.nodes beyond.
 */
function answeredOnTheWay(tree: Tree, postOrder: string[], reached: Set<string>, wanted: Wanted[]): boolean[] {
  // The choices that answer each wanted pair, at questions reachable from the start.
  const pairs = new Map<string, { targets: string[]; wanted: number[] }>();
  wanted.forEach(({ key, value }, i) => {
    const pair = `${key}=${value}`;
    const entry = pairs.get(pair) ?? { targets: [], wanted: [] };
    entry.wanted.push(i);
    pairs.set(pair, entry);
  });
  for (const id of postOrder) {
    if (!reached.has(id)) continue;
    const question = tree.questions[id]!;
    const key = askOf(id, question);
    spend(question.choices.length);
    for (const { value, next } of question.choices) pairs.get(`${key}=${value}`)?.targets.push(next);
  }
  const verdicts = [...new Set(wanted.map((w) => w.verdictId))];
  const answered = wanted.map(() => false);
  const BATCH = 1024;
  for (let first = 0; first < verdicts.length; first += BATCH) {
    const bitOf = new Map(verdicts.slice(first, first + BATCH).map((id, i) => [id, i]));
    const width = Math.ceil(bitOf.size / 32);
    const leadsTo = bitRows([...postOrder, ...bitOf.keys()], width);
    for (const [id, bit] of bitOf) setBit(leadsTo.get(id)!, bit);
    for (const id of postOrder) for (const { next } of tree.questions[id]!.choices) orInto(leadsTo.get(id)!, leadsTo.get(next));
    for (const pair of pairs.values()) {
      const here = pair.wanted.filter((i) => bitOf.has(wanted[i]!.verdictId));
      if (here.length === 0) continue;
      const reachable = new Uint32Array(width);
      for (const next of pair.targets) orInto(reachable, leadsTo.get(next));
      for (const i of here) answered[i] = hasBit(reachable, bitOf.get(wanted[i]!.verdictId)!);
    }
  }
  return answered;
}
