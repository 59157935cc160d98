// The graph checks for a tree that fails the schema, on what can be read of it, so that one run
// of `validate` shows a schema problem and, say, a dangling `next` together. Every entry stays a
// node of the graph, however wrong its other fields, so that nothing pointing to it or reached
// through it is misreported; a value that cannot be read (a `next` or a citation that is not a
// string) becomes a placeholder that no problem is reported about: the schema already did.
import { checkTree } from './check.js';
import type { TreeProblem } from './tree-problem.js';
import type { Tree } from './schema.js';

const PLACEHOLDER = '\u0000';

type Data = Record<string, unknown>;
const isRecord = (x: unknown): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const ids = (x: unknown): string[] => list(x).map((id) => (typeof id === 'string' ? id : PLACEHOLDER));
const cited = (x: unknown) => ({ sources: ids(isRecord(x) ? x.sources : undefined) });
/** Each entry of a section, read by `read` (fromEntries keeps an id such as __proto__ as plain data). */
const entries = <T>(section: Data, read: (entry: Data) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(section).map(([id, entry]) => [id, read(isRecord(entry) ? entry : {})]));

/** The graph problems of a tree the schema refused; none when not even its outline can be read. */
export function checkPartialTree(data: unknown): TreeProblem[] {
  if (!isRecord(data) || typeof data.start !== 'string') return [];
  const { sources, questions, verdicts } = data;
  if (!isRecord(sources) || !isRecord(questions) || !isRecord(verdicts)) return [];
  const tree = {
    start: data.start,
    sources: entries(sources, (source) => ({ quotes: list(source.quotes) })),
    questions: entries(questions, (question) => ({
      ask: typeof question.ask === 'string' ? question.ask : undefined,
      choices: list(question.choices).map((choice, i) => ({
        value: isRecord(choice) && typeof choice.value === 'string' ? choice.value : `${PLACEHOLDER}${i}`,
        next: isRecord(choice) && typeof choice.next === 'string' ? choice.next : PLACEHOLDER,
      })),
    })),
    verdicts: entries(verdicts, (verdict) => ({
      ...cited(verdict),
      steps: list(verdict.steps).map(cited),
      caveats: list(verdict.caveats).map(cited),
      disputed: list(verdict.disputed).map((dispute) => ({ sides: list(isRecord(dispute) ? dispute.sides : undefined).map(cited) })),
    })),
  };
  tree.sources[PLACEHOLDER] = { quotes: [PLACEHOLDER] };
  tree.verdicts[PLACEHOLDER] = { sources: [PLACEHOLDER], steps: [], caveats: [], disputed: [] };
  // Only the fields the graph checks read are filled in.
  return checkTree(tree as unknown as Tree).filter((problem) => !problem.path.includes(PLACEHOLDER));
}
