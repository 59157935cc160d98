// The matrix: every path of a tree as one row, for reviewers and for docs/matrix.md.
import { answerKeys } from './answers.js';
import { citedSourceIds } from './citations.js';
import { answersOf, enumeratePaths } from './paths.js';
import type { Outcome, Tree } from './schema.js';

export interface MatrixRow {
  answers: Record<string, string>;
  outcome: Outcome;
  verdict: string;
  sources: string[];
}

export interface Matrix {
  /** The answer keys, in the order the tree asks them: the columns. */
  keys: string[];
  rows: MatrixRow[];
}

export function buildMatrix(tree: Tree): Matrix {
  return {
    keys: answerKeys(tree).map((k) => k.key),
    rows: enumeratePaths(tree).map(({ steps, verdictId }) => {
      const verdict = tree.verdicts[verdictId]!;
      return { answers: answersOf(steps), outcome: verdict.outcome, verdict: verdictId, sources: citedSourceIds(verdict) };
    }),
  };
}
