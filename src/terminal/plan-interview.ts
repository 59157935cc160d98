// plan's questions in a terminal: each shared answer once, and the varying ones as multi-selects
// ("Which app? Choose all that apply."), with the main flow's way back and plain prompts. Answers
// given as flags are said as the combinations reach them. Loaded lazily: only a terminal gets here.
import { answerKeys } from '../core/answers.js';
import { explore, nextOpenQuestion, type Exploration } from '../core/combinations.js';
import type { Tree } from '../core/schema.js';
import type { PathStep } from '../core/walk.js';
import { Asking } from './asking.js';
import type { Io } from '../io.js';

/**
 * Asks until every combination the answers allow has reached a verdict; fills in `shared` and
 * `selection`. `sayGiven`: say the answers given so far (not when the main flow has shown them).
 */
export async function planInterview(
  tree: Tree,
  shared: Record<string, string>,
  selection: Map<string, string[] | 'all'>,
  io: Io,
  options: { plain: boolean; sayGiven: boolean },
): Promise<Exploration> {
  // The answers given before any question, until said.
  const unsaid = options.sayGiven ? new Set([...Object.keys(shared), ...selection.keys()]) : new Set<string>();
  const asking = await Asking.start(io, options.plain);
  try {
    for (;;) {
      const exploration = explore(tree, shared, selection);
      for (const [key, labels] of givenMet(tree, exploration, unsaid)) {
        await asking.say(`From --${key}: ${labels.join(', ')}`);
        unsaid.delete(key);
      }
      const none = exploration.combinations.length === 0 && exploration.open.length === 0;
      if ((none || exploration.tooMany) && asking.canGoBack) {
        await asking.say(`${none ? 'None of the combinations chosen exists in this tree.' : 'That makes too many combinations.'} Choose again, or start over with other flags.`);
        forget(asking.back());
        continue;
      }
      if (exploration.open.length === 0 || exploration.tooMany) return exploration;
      const { key, question } = nextOpenQuestion(exploration.open);
      if (tree.varying?.includes(key)) {
        const values = await asking.chooseSeveral(key, question);
        if (values === undefined) forget(asking.back());
        else {
          selection.set(key, values);
          asking.answered(key, values);
        }
      } else {
        const value = await asking.choose(key, question);
        if (value === undefined) forget(asking.back());
        else {
          shared[key] = value;
          asking.answered(key, value);
        }
      }
    }
  } finally {
    asking.close();
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
