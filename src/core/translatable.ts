// What of a tree a person reads, and so what a translation replaces: the tree's title and
// question; prompts, help and choice labels; verdict titles, summaries, steps, caveats, dispute
// topics and sides. Source titles, quoted passages, ids, flags and answer values stay as they
// are: quotes are already in their own language, and flags and values are the scripts' contract.
// One walk (mapTexts) defines that list, for reading the texts and for replacing them.
import type { Tree } from './schema.js';

/**
 * One text, keyed by where it is: ids where the tree has them (`questions.region.choices.eu.label`),
 * positions in lists that have none (`verdicts.object.steps.0.text`). `cites` are the sources the
 * text rests on; undefined for texts that cite nothing themselves (titles, questions, choices).
 */
export interface TranslatableText {
  key: string;
  text: string;
  cites?: readonly string[];
}

type Visit = (key: string, text: string, cites?: readonly string[]) => string;

const mapRecord = <T>(record: Record<string, T>, map: (id: string, item: T) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(record).map(([id, item]) => [id, map(id, item)]));

/** A copy of the tree with every translatable text replaced by `visit`'s result; all else is shared. */
export function mapTexts(tree: Tree, visit: Visit): Tree {
  return {
    ...tree,
    title: visit('title', tree.title),
    question: visit('question', tree.question),
    questions: mapRecord(tree.questions, (id, question) => {
      const at = `questions.${id}`;
      return {
        ...question,
        prompt: visit(`${at}.prompt`, question.prompt),
        ...(question.help === undefined ? {} : { help: visit(`${at}.help`, question.help) }),
        choices: question.choices.map((choice) => ({ ...choice, label: visit(`${at}.choices.${choice.value}.label`, choice.label) })),
      };
    }),
    verdicts: mapRecord(tree.verdicts, (id, verdict) => {
      const at = `verdicts.${id}`;
      return {
        ...verdict,
        title: visit(`${at}.title`, verdict.title, verdict.sources),
        summary: visit(`${at}.summary`, verdict.summary, verdict.sources),
        steps: verdict.steps.map((step, i) => ({ ...step, text: visit(`${at}.steps.${i}.text`, step.text, step.sources) })),
        ...(verdict.caveats && {
          caveats: verdict.caveats.map((caveat, i) => ({ ...caveat, text: visit(`${at}.caveats.${i}.text`, caveat.text, caveat.sources) })),
        }),
        ...(verdict.disputed && {
          disputed: verdict.disputed.map((dispute, i) => ({
            ...dispute,
            topic: visit(`${at}.disputed.${i}.topic`, dispute.topic, dispute.sides.flatMap((side) => side.sources)),
            sides: dispute.sides.map((side, j) => ({ ...side, claim: visit(`${at}.disputed.${i}.sides.${j}.claim`, side.claim, side.sources) })),
          })),
        }),
      };
    }),
  };
}

/** Every text a translation of this tree covers, in the tree's order. */
export function translatableTexts(tree: Tree): TranslatableText[] {
  const texts: TranslatableText[] = [];
  mapTexts(tree, (key, text, cites) => {
    texts.push(cites ? { key, text, cites } : { key, text });
    return text;
  });
  return texts;
}

/**
 * The tree in another language: the same structure, with each text that `strings` translates
 * replaced (any other stays in English), and `lang` set. Every renderer works on it unchanged.
 */
export function localiseTree(tree: Tree, lang: string, strings: ReadonlyMap<string, string>): Tree {
  return { ...mapTexts(tree, (key, text) => strings.get(key) ?? text), lang };
}
