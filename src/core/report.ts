// Everything a renderer needs about one answered walk, assembled once.
import { citedSourceIds } from './citations.js';
import { explain, type Explanation } from './explain.js';
import { shellWord } from './safe-text.js';
import { answersOf } from './paths.js';
import type { Source, Tree, Verdict } from './schema.js';
import type { Answers } from './graph.js';
import { tailor } from './tailor.js';
import type { PathStep } from './walk.js';

export interface Report {
  tree: Tree;
  answers: Record<string, string>;
  path: PathStep[];
  verdictId: string;
  /** The verdict as this person sees it: only the items whose `when` their answers meet. */
  verdict: Verdict;
  /** The sources the verdict cites, in citation order: [n] in the text is index n - 1. */
  sources: (Source & { id: string })[];
  /** Keys that were answered but not asked on this path. */
  unused: string[];
  explanation?: Explanation;
}

/** `answered`: every answer, given or prompted, including those the path did not ask. */
export function buildReport(
  tree: Tree,
  answered: Answers,
  walked: { path: PathStep[]; verdictId: string; verdict: Verdict },
  withExplanation: boolean,
): Report {
  const answers = answersOf(walked.path);
  const verdict = tailor(walked.verdict, answers);
  return {
    tree,
    answers,
    ...walked,
    verdict,
    sources: citedSourceIds(verdict).map((id) => ({ id, ...tree.sources[id]! })),
    unused: Object.keys(answered).filter((key) => !Object.hasOwn(answers, key)),
    explanation: withExplanation ? explain(tree, answered, walked.path, walked.verdict) : undefined,
  };
}

/** The flags that reproduce this answer in a script, each word quoted for a shell. */
export const reproduceFlags = (report: Pick<Report, 'path'>): string =>
  report.path.map((step) => `${shellWord(`--${step.ask}`)} ${shellWord(step.answer)}`).join(' ');
