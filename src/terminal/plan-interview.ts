// plan's questions in a terminal: each shared answer once, and the varying ones as multi-selects
// ("Which app? Choose all that apply."), with the main flow's way back and plain prompts. Answers
// given as flags are said as the combinations reach them. Loaded lazily: only a terminal gets here.
import { answerKeys } from '../core/answers.js';
import { explore, nextOpenQuestion, type Exploration } from '../core/combinations.js';
import type { Tree } from '../core/schema.js';
import type { PathStep } from '../core/walk.js';
import { noCombination } from '../commands/answer-messages.js';
import { Asking } from './asking.js';
import type { Io } from '../io.js';
import type { Words } from '../words.js';

/**
 * Asks until every combination the answers allow has reached a verdict; fills in `shared` and
 * `selection`. `sayGiven`: say the answers given so far (not when the main flow has shown them).
 * `asking`: the main flow's, when plan's questions go on from there; Back at the first of them goes
 * back to it, and the result is then undefined. Otherwise plan asks with its own (`plain` or not,
 * with `words`).
 */
export async function planInterview(
  tree: Tree,
  shared: Record<string, string>,
  selection: Map<string, string[] | 'all'>,
  io: Io,
  options: { asking: Asking; sayGiven: boolean } | { plain: boolean; words: Words; sayGiven: boolean },
): Promise<Exploration | undefined> {
  // The answers given before any question, until said.
  const unsaid = options.sayGiven ? new Set([...Object.keys(shared), ...selection.keys()]) : new Set<string>();
  const own = !('asking' in options);
  const asking = 'asking' in options ? options.asking : await Asking.start(io, options.plain, options.words);
  const { words } = asking;
  const start = asking.depth;
  try {
    for (;;) {
      const exploration = explore(tree, shared, selection);
      for (const [key, labels] of givenMet(tree, exploration, unsaid)) {
        await asking.say(words.say('prompt.from-flag', { key, labels: labels.join(', ') }));
        unsaid.delete(key);
      }
      const none = exploration.combinations.length === 0 && exploration.open.length === 0;
      if ((none || exploration.tooMany) && asking.depth > start) {
        const problem = none ? noCombination(tree, exploration.deadEnds, false, words) : words.say('prompt.too-many');
        await asking.say(words.say('prompt.choose-again', { problem }));
        forget(asking.back());
        continue;
      }
      if (exploration.open.length === 0 || exploration.tooMany) return exploration;
      const { key, question } = nextOpenQuestion(exploration.open);
      const several = tree.varying?.includes(key);
      const answer = several ? await asking.chooseSeveral(key, question) : await asking.choose(key, question);
      if (answer === undefined) {
        if (asking.depth === start) {
          asking.back();
          return undefined;
        }
        forget(asking.back());
      } else {
        if (typeof answer === 'string') shared[key] = answer;
        else selection.set(key, answer);
        asking.answered(key, answer);
      }
    }
  } finally {
    if (own) asking.close();
  }

  function forget(key: string): void {
    delete shared[key];
    selection.delete(key);
  }
}

/** The `keys` met on the paths explored so far, each with the labels of its values met there, in the tree's order. */
function givenMet(tree: Tree, exploration: Exploration, keys: ReadonlySet<string>): Map<string, string[]> {
  const labels = new Map<string, string>();
  const paths: PathStep[][] = [...exploration.combinations, ...exploration.open].map((c) => c.path);
  for (const step of paths.flat()) if (keys.has(step.ask) && !labels.has(`${step.ask}=${step.answer}`)) labels.set(`${step.ask}=${step.answer}`, step.label);
  const met = new Map<string, string[]>();
  for (const { key, values } of answerKeys(tree)) {
    const found = values.flatMap((value) => labels.get(`${key}=${value}`) ?? []);
    if (found.length > 0) met.set(key, found);
  }
  return met;
}
