// The pages of a tree's static site: one per state a walk can stop at, reached by answering one
// question at a time, as the terminal asks them. A page's address is the values answered so far
// (eu/instagram/photos), so the walker decides every page exactly as it decides a command line.
import { answerRecord, askOf } from './graph.js';
import type { Question, Tree, Verdict } from './schema.js';
import { walk, type PathStep } from './walk.js';

/** The answers given to reach a page, in the order asked; single-choice questions are not among them. */
interface Answered {
  values: string[];
  answers: Record<string, string>;
  /** Every step, the ones taken without asking too. */
  path: PathStep[];
}

export interface QuestionPage extends Answered {
  questionId: string;
  question: Question;
  key: string;
}

export interface VerdictPage extends Answered {
  verdictId: string;
  verdict: Verdict;
}

export interface SiteMap {
  /** Depth first, in menu order; the first asks the tree's first question. */
  questions: QuestionPage[];
  verdicts: VerdictPage[];
  /** Why the map stopped short: more answered paths than the cap, or an address longer than MAX_SITE_ADDRESS. */
  refused?: 'paths' | 'address';
}

/**
 * A cap on the answered paths a site is built for, so that a small hostile tree (paths grow
 * exponentially with depth) cannot make `site` write millions of pages: about ten times the Meta
 * tree's 509. The paths of every language the site is in count, as each has its folders. Every
 * question page offers at least two choices, so there are fewer question pages than verdict
 * pages, and at most twice this many pages in all.
 */
export const MAX_SITE_PATHS = 5_000;

/**
 * A cap on an address (eu/instagram/photos/public/adult is 30 characters): a file system takes
 * paths of a few thousand bytes at most, and a deep path would make every page on it as long.
 */
export const MAX_SITE_ADDRESS = 1_000;

/**
 * The address of the page where a walk stops: the answers along its path, except at questions
 * with a single choice, which are never asked (as in the terminal).
 */
export const addressOf = (tree: Tree, path: PathStep[]): string[] =>
  path.filter((step) => tree.questions[step.question]!.choices.length > 1).map((step) => step.answer);

export function siteMap(tree: Tree, maxPaths = MAX_SITE_PATHS): SiteMap {
  const questions: QuestionPage[] = [];
  const verdicts: VerdictPage[] = [];
  const stack = [answerRecord()];
  while (stack.length > 0) {
    const answers = stack.pop()!;
    const at = walk(tree, answers);
    const values = addressOf(tree, at.path);
    if (values.join('/').length > MAX_SITE_ADDRESS) return { questions, verdicts, refused: 'address' };
    if (at.kind === 'verdict') {
      if (verdicts.length === maxPaths) return { questions, verdicts, refused: 'paths' };
      verdicts.push({ values, answers, path: at.path, verdictId: at.verdictId, verdict: at.verdict });
      continue;
    }
    // A checked tree never asks a key twice on one path, so every answer here is one of the choices.
    if (at.kind !== 'question') continue;
    const key = askOf(at.questionId, at.question);
    questions.push({ values, answers, path: at.path, questionId: at.questionId, question: at.question, key });
    for (let i = at.question.choices.length - 1; i >= 0; i--) {
      const { value } = at.question.choices[i]!;
      stack.push(answerRecord(answers, { [key]: value }));
    }
  }
  return { questions, verdicts };
}

/** The folders at the site's root that answers take: the first answer of every page's address. */
export const rootFolders = (map: SiteMap): Set<string> => new Set([...map.questions, ...map.verdicts].flatMap((page) => page.values.slice(0, 1)));
