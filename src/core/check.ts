// Graph checks on a tree that passed the schema: every problem at once, each with the path of
// the YAML node it concerns (so the loader can print file:line:col). Linear in the tree's size.
import { answerKeys } from './answers.js';
import { checkAliases } from './check-aliases.js';
import { checkVarying } from './check-varying.js';
import { askOf, isQuestion, isVerdict } from './graph.js';
import type { Tree, When } from './schema.js';
import { suggest } from './suggest.js';
import type { TreeProblem } from './tree-problem.js';

export function checkTree(tree: Tree): TreeProblem[] {
  const { postOrder, backEdges } = depthFirst(tree);
  return [
    ...checkIds(tree),
    ...checkEdges(tree),
    ...backEdges.map(({ from, choice, loop }) => ({
      path: ['questions', from, 'choices', choice, 'next'],
      message: `cycle: ${loop.join(' → ')}`,
    })),
    ...checkReachable(tree),
    ...checkRepeatedKeys(tree, postOrder),
    ...checkSources(tree),
    ...checkVarying(tree),
    ...checkAliases(tree),
    ...checkConditions(tree, backEdges.length === 0 ? postOrder : undefined),
  ];
}

function checkIds(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  for (const id of Object.keys(tree.verdicts)) {
    if (isQuestion(tree, id)) problems.push({ path: ['verdicts', id], message: `"${id}" is both a question and a verdict` });
  }
  for (const [id, question] of Object.entries(tree.questions)) {
    const seen = new Set<string>();
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
  loop: string[];
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
  for (const root of Object.keys(tree.questions)) {
    if (state.has(root)) continue;
    const stack: { id: string; choice: number }[] = [{ id: root, choice: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const choices = tree.questions[frame.id]!.choices;
      if (frame.choice === choices.length) {
        state.set(frame.id, 'done');
        postOrder.push(frame.id);
        stack.pop();
        continue;
      }
      const choice = frame.choice++;
      const next = choices[choice]!.next;
      if (!isQuestion(tree, next)) continue;
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.findIndex((f) => f.id === next)).map((f) => f.id);
        backEdges.push({ from: frame.id, choice, loop: [...loop, next] });
      } else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push({ id: next, choice: 0 });
      }
    }
  }
  return { postOrder, backEdges };
}

function checkReachable(tree: Tree): TreeProblem[] {
  const seen = new Set<string>();
  const stack = [tree.start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const { next } of tree.questions[id]?.choices ?? []) stack.push(next);
  }
  return [
    ...Object.keys(tree.questions).filter((id) => !seen.has(id)).map((id) => ({ path: ['questions', id], message: `question "${id}" is unreachable from start` })),
    ...Object.keys(tree.verdicts).filter((id) => !seen.has(id)).map((id) => ({ path: ['verdicts', id], message: `verdict "${id}" is unreachable from start` })),
  ];
}

/**
 * A path must not ask the same key twice: one flag can carry only one answer. For each question,
 * the keys asked anywhere below it are computed once (in reverse topological order), so the
 * cost is the number of edges times the number of distinct keys, which trees keep small.
 */
function checkRepeatedKeys(tree: Tree, postOrder: string[]): TreeProblem[] {
  const below = new Map<string, Set<string>>();
  const problems: TreeProblem[] = [];
  for (const id of postOrder) {
    const question = tree.questions[id]!;
    const key = askOf(id, question);
    const keys = new Set<string>();
    for (const { next } of question.choices) for (const k of below.get(next) ?? []) keys.add(k);
    if (keys.has(key)) problems.push({ path: ['questions', id], message: `"${key}" is asked again on a path below question "${id}"` });
    keys.add(key);
    below.set(id, keys);
  }
  return problems;
}

function checkSources(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const used = new Set<string>();
  const cite = (ids: string[], path: (string | number)[]) =>
    ids.forEach((id, i) => {
      used.add(id);
      if (!Object.hasOwn(tree.sources, id)) problems.push({ path: [...path, i], message: `unknown source "${id}"` });
    });
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

/**
 * Every `when` names answer keys and values the tree has, and each key/value pair can be answered
 * on some path to its verdict (each pair on its own: a per-key check, not the conjunction).
 * `postOrder` is left out for a tree with a cycle, where paths are not defined.
 */
function checkConditions(tree: Tree, postOrder: string[] | undefined): TreeProblem[] {
  const conditions = conditionsOf(tree);
  if (conditions.length === 0) return [];
  const keys = new Map(answerKeys(tree).map((k) => [k.key, k.values]));
  const problems: TreeProblem[] = [];
  const known: { condition: Condition; key: string; value: string; at: (string | number)[] }[] = [];
  for (const condition of conditions) {
    for (const [key, allowed] of Object.entries(condition.when)) {
      const at = [...condition.at, key];
      const values = keys.get(key);
      if (!values) {
        const hint = suggest(key, [...keys.keys()]);
        problems.push({ path: at, message: `when: the tree asks no question "${key}"${hint ? ` (did you mean ${hint}?)` : ''}` });
        continue;
      }
      const list = typeof allowed === 'string' ? [allowed] : allowed;
      list.forEach((value, j) => {
        const path = typeof allowed === 'string' ? at : [...at, j];
        if (values.includes(value)) known.push({ condition, key, value, at: path });
        else problems.push({ path, message: `when: "${key}" has no value "${value}" (values: ${values.join(', ')})` });
      });
    }
  }
  if (!postOrder) return problems;
  const answered = answeredOnTheWay(tree, postOrder, new Set(known.map(({ key, value }) => `${key}=${value}`)));
  for (const { condition, key, value, at } of known) {
    if (!answered.get(condition.verdictId)?.has(`${key}=${value}`)) {
      problems.push({ path: at, message: `when: no path to verdict "${condition.verdictId}" answers ${key} ${value}, so this is never shown` });
    }
  }
  return problems;
}

/**
 * For each node, the `wanted` key=value pairs answered on some path from the start to it: one pass
 * in topological order (the reverse of the post-order). The cost is the number of edges times the
 * number of distinct pairs that conditions name, which trees keep small.
 */
function answeredOnTheWay(tree: Tree, postOrder: string[], wanted: Set<string>): Map<string, Set<string>> {
  const answered = new Map<string, Set<string>>([[tree.start, new Set()]]);
  for (let i = postOrder.length - 1; i >= 0; i--) {
    const id = postOrder[i]!;
    const here = answered.get(id);
    if (!here) continue; // unreachable, reported elsewhere
    const question = tree.questions[id]!;
    const key = askOf(id, question);
    for (const { value, next } of question.choices) {
      const there = answered.get(next) ?? new Set<string>();
      for (const pair of here) there.add(pair);
      if (wanted.has(`${key}=${value}`)) there.add(`${key}=${value}`);
      answered.set(next, there);
    }
  }
  return answered;
}
