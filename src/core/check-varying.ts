// Checks on `varying`, the answer keys a plan may take several values for.
import type { AnswerKey } from './answers.js';
import type { Budget } from './limits.js';
import type { TreeProblem } from './tree-problem.js';
import type { Tree } from './schema.js';
import { suggest } from './suggest.js';

/** `keys`: the tree's answer keys; `hints`: the check's budget for did-you-mean. */
export function checkVarying(tree: Tree, keys: readonly AnswerKey[], hints: Budget): TreeProblem[] {
  const byKey = new Map(keys.map((k) => [k.key, k]));
  const names = [...byKey.keys()];
  const seen = new Set<string>();
  const problems: TreeProblem[] = [];
  (tree.varying ?? []).forEach((key, i) => {
    const path = ['varying', i];
    const known = byKey.get(key);
    if (!known) {
      const hint = suggest(key, names, hints);
      problems.push({ path, message: `"${key}" is not an answer key of this tree${hint ? ` (did you mean ${hint}?)` : ''}` });
    } else if (seen.has(key)) {
      problems.push({ path, message: `"${key}" is listed twice` });
    } else if (known.values.includes('all')) {
      problems.push({ path, message: `"${key}" has a value "all", which plan reserves for every value of a varying key` });
    }
    seen.add(key);
  });
  return problems;
}
