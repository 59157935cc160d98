// Graph checks on a tree that passed the schema: every problem at once, each with the path of
// the YAML node it concerns (so the loader can print file:line:col). Linear in the tree's size.
import { checkVarying } from './check-varying.js';
import { askOf, isQuestion, isVerdict } from './graph.js';
import type { Tree } from './schema.js';

export interface TreeProblem {
  path: (string | number)[];
  message: string;
  /** A warning does not make a tree invalid; the build still refuses it in a built-in tree. */
  warning?: true;
}

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
