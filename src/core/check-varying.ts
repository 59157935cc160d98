// Checks on `varying`, the answer keys a plan may take several values for.
import { answerKeys } from './answers.js';
import type { TreeProblem } from './tree-problem.js';
import type { Tree } from './schema.js';
import { suggest } from './suggest.js';

export function checkVarying(tree: Tree): TreeProblem[] {
  const keys = new Map(answerKeys(tree).map((k) => [k.key, k]));
  const seen = new Set<string>();
  const problems: TreeProblem[] = [];
  (tree.varying ?? []).forEach((key, i) => {
    const path = ['varying', i];
    const known = keys.get(key);
    if (!known) {
      const hint = suggest(key, [...keys.keys()]);
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
