// `optout-check plan`: one plan for several accounts. The varying keys (tree.varying) take several
// values; every combination that exists is walked, and the verdicts are grouped into one plan.
// In a terminal, missing answers are asked (plan-interview.ts): shared ones once, varying ones as
// multi-selects.
import { answerChecker, answerKeys, type AnswerProblem } from '../core/answers.js';
import { explore, type Exploration, type Selection } from '../core/combinations.js';
import type { Answers } from '../core/graph.js';
import { Budget, LIMITS, OverLimit } from '../core/limits.js';
import { openQuestions } from '../core/open-questions.js';
import { buildPlan } from '../core/plan.js';
import type { Tree } from '../core/schema.js';
import { UsageError } from '../errors.js';
import type { PlanFormat } from '../invocation.js';
import type { Io } from '../io.js';
import { renderPlanJson } from '../render/plan-json.js';
import { note, show } from '../terminal/show.js';
import { errorLine, listed, planPhrases, type Words } from '../words.js';
import { invalidAnswers, missingAnswers, noCombination, warnIfStale } from './answer-messages.js';

export interface PlanOptions {
  tree: Tree;
  /** How the tool was invoked, up to the answers, e.g. `optout-check plan`: for the "same plan in a script" line. */
  command: string;
  /** As on the command line: a varying key's value may list several, comma-separated, or be `all`. */
  answers: Answers;
  /** False for --no-input. Prompts also need stdin to be a terminal. */
  input: boolean;
  format: PlanFormat;
  /** False for NO_COLOR or --no-color; JSON and Markdown are never coloured. */
  colour: boolean;
  /** False for --no-pager. The text plan is paged on a terminal, when taller than it. */
  pager: boolean;
  /** Questions line by line, with numbered choices (--accessible, TERM=dumb), instead of a menu. */
  plain: boolean;
  /** The text plan lists the sources in full, with the passages quoted. */
  explain: boolean;
  /** The tool's words, in the language of the tree's texts. */
  words: Words;
}

export async function plan(options: PlanOptions, io: Io): Promise<void> {
  const { tree, words } = options;
  const { shared, selection } = readAnswers(tree, options.answers, words);
  let exploration = explore(tree, shared, selection);
  const asks = exploration.open.length > 0 && !exploration.tooMany;
  if (asks) {
    // As in the main command: only a terminal may answer.
    if (!options.input || io.stdin.isTTY !== true) {
      const from = exploration.open.map((o) => o.questionId);
      const keys = openQuestions(tree, from, shared).filter((k) => !selection.has(k.key));
      throw missingAnswers(keys, options.input, words, tree.varying);
    }
    const { planInterview } = await import('../terminal/plan-interview.js');
    // Back is never offered at plan's own first question, so the interview always ends in a plan.
    exploration = (await planInterview(tree, shared, selection, io, { plain: options.plain, sayGiven: true, words }))!;
  }
  await showPlan(options, { shared, selection, exploration }, asks, io);
}

/** The plan for answers already given (and, when `asked`, prompted for just before). */
export async function showPlan(
  options: Omit<PlanOptions, 'answers' | 'input' | 'plain'>,
  { shared, selection, exploration }: { shared: Answers; selection: Selection; exploration: Exploration },
  asked: boolean,
  io: Io,
): Promise<void> {
  const { tree, words } = options;
  if (exploration.tooMany) {
    const flags = (tree.varying ?? []).map((k) => `--${k}`).join(', ');
    throw new OverLimit('combinations', 2, { message: errorLine(words, words.say('plan.too-many', { max: new Intl.NumberFormat(words.lang).format(LIMITS.combinations.max), flags })) });
  }
  if (exploration.combinations.length === 0) throw new UsageError(noCombination(tree, exploration.deadEnds, true, words));

  const built = buildPlan(tree, exploration.combinations, shared, selection, planPhrases(words));
  if (options.format === 'json') {
    io.stdout.write(renderPlanJson(built));
  } else if (options.format === 'markdown') {
    const { renderPlanMarkdown } = await import('../render/plan-markdown.js');
    io.stdout.write(renderPlanMarkdown(built, options.command, words));
  } else {
    const { renderPlanText } = await import('../render/plan-text.js');
    // A blank line between the last answer and the plan, when both are on the screen.
    if (asked && io.stdout.isTTY) io.stdout.write('\n');
    await show(renderPlanText(built, options.command, options.colour, words, options.explain), io, { pager: options.pager, words });
  }
  if (options.format !== 'json' && built.unused.length > 0) {
    await note(io, words.say('plan.unused', { flags: built.unused.map((k) => `--${k}`).join(', ') }));
  }
  await warnIfStale(tree, io, words);
}

/**
 * Splits the answers into the shared ones (one value each) and the selections of varying keys,
 * and checks every value. Records keyed by tree data are prototype-free.
 */
export function readAnswers(tree: Tree, answers: Answers, words: Words): { shared: Record<string, string>; selection: Map<string, string[] | 'all'> } {
  const varying = new Set(tree.varying);
  const flags = (tree.varying ?? []).map((k) => `--${k}`);
  const known = new Set(answerKeys(tree).map((k) => k.key));
  const check = answerChecker(tree);
  const count = new Budget('answers');
  const shared: Record<string, string> = Object.create(null);
  const selection = new Map<string, string[] | 'all'>();
  const problems: AnswerProblem[] = [];
  /** The value in its tree spelling; a problem is kept, and the value as given stands in. */
  const spelled = (key: string, value: string) => {
    if (!count.spend()) throw new OverLimit('answers', 2);
    const checked = check(key, value);
    if (!('kind' in checked)) return checked.value;
    problems.push(checked);
    return value;
  };
  for (const [key, value] of Object.entries(answers)) {
    const values = value.split(',').map((v) => v.trim());
    if (!varying.has(key)) {
      if (values.length > 1 && known.has(key)) {
        const why = flags.length > 0 ? words.say('plan.several-only', { flags: listed(words, 'list.and', flags) }) : words.say('plan.several-none');
        throw new UsageError(errorLine(words, words.say('plan.one-value', { key, why })));
      }
      shared[key] = spelled(key, value);
    } else if (value.toLowerCase() === 'all') {
      selection.set(key, 'all');
    } else {
      if (values.includes('')) throw new UsageError(errorLine(words, words.say('plan.empty-value', { key, value })));
      selection.set(key, [...new Set(values.map((v) => spelled(key, v)))]);
    }
  }
  if (problems.length > 0) throw invalidAnswers(problems, words);
  return { shared, selection };
}
