// Hostile tree shapes from the red-team run of 2 December 2026 (issue 20, rows F1–F8): small
// files whose work grows fast with one number. The growth tests run each at n, 2n and 4n, and
// `npm run bench -- --limits` runs each at the largest size the limits allow.

type Data = Record<string, unknown>;

const SOURCE = { title: 'A source', publisher: 'A publisher', published: '2026', kind: 'primary', quotes: [{ text: 'A passage.' }] };
const verdict = (extra: Data = {}): Data => ({
  outcome: 'opt-out',
  title: 'A verdict',
  summary: 'What is used.',
  sources: ['s'],
  steps: [{ text: 'Do this.', sources: ['s'] }],
  ...extra,
});

/** A valid tree around these questions and verdicts, starting at q0. */
export const tree = (questions: Data, verdicts: Data = { v: verdict() }, extra: Data = {}): Data => ({
  id: 'shape',
  title: 'A hostile shape',
  question: 'Does it stay bounded?',
  reviewed: '2026-11-30',
  start: 'q0',
  sources: { s: SOURCE },
  questions,
  verdicts,
  ...extra,
});

/** `n` questions q0 → q1 → … → v, each with the given choice values, all leading to the next. */
function chain(n: number, values: string[]): Data {
  const questions: Data = {};
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `q${i + 1}` : 'v';
    questions[`q${i}`] = { prompt: `Question ${i}?`, choices: values.map((value) => ({ value, label: `Answer ${value}`, next })) };
  }
  return questions;
}

/** F1: `k` two-choice questions in a chain, every choice leading to the next: 2^k paths. */
export const binaryChain = (k: number): Data => tree(chain(k, ['a', 'b']));

/** F2: the same chain with every key varying; `plan` with all for each but the last leaves it open. */
export const varyingChain = (k: number): Data => ({ ...binaryChain(k), varying: Array.from({ length: k }, (_, i) => `q${i}`) });
export const varyingChainArgs = (k: number): string[] => Array.from({ length: k - 1 }, (_, i) => [`--q${i}`, 'all']).flat();

/** F3: `n` questions with one choice each in a chain (each answers itself). */
export const singleChain = (n: number): Data => tree(chain(n, ['a']));

/** F3: the same chain, and a step whose `when` names every one of its `n` keys. */
export const conditionChain = (n: number): Data =>
  tree(chain(n, ['a']), {
    v: verdict({ steps: [{ text: 'Always.', sources: ['s'] }, { text: 'Only on this path.', sources: ['s'], when: Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, 'a'])) }] }),
  });

/** F4: one question with `v` choices, all leading to the verdict. */
export const wideQuestion = (v: number): Data => tree(chain(1, Array.from({ length: v }, (_, i) => `c${i}`)));

/**
 * F5: `width` × `width` combinations of two varying keys (10,000 by default), all on one verdict
 * with `s` steps, every other one for half of the first key's values.
 */
export function manySteps(s: number, width = 100): Data {
  const values = Array.from({ length: width }, (_, i) => `c${i}`);
  const questions = { q0: chain(1, values).q0, q1: { prompt: 'Question 1?', choices: values.map((value) => ({ value, label: `Answer ${value}`, next: 'v' })) } };
  (questions.q0 as { choices: { next: string }[] }).choices.forEach((choice) => (choice.next = 'q1'));
  const steps = Array.from({ length: s }, (_, i) => ({ text: `Step ${i}.`, sources: ['s'], ...(i % 2 ? { when: { q0: values.slice(0, width / 2) } } : {}) }));
  return tree(questions, { v: verdict({ steps }) }, { varying: ['q0', 'q1'] });
}
export const MANY_STEPS_ARGS = ['plan', '--q0', 'all', '--q1', 'all', '--json'];

/** F6: a question id `length` characters long, and a `when` naming a key as long that the tree does not ask. */
export const longId = (length: number): Data => {
  const id = `q${'x'.repeat(length - 1)}`;
  const when = { [`k${'y'.repeat(length - 1)}`]: 'a' };
  return tree({ [id]: { prompt: 'Question?', choices: [{ value: 'a', label: 'A', next: 'v' }] } }, { v: verdict({ steps: [{ text: 'Do.', sources: ['s'], when }] }) }, { start: id });
};

/** F7: a source with `q` quotes. */
export const manyQuotes = (q: number): Data => ({
  ...singleChain(1),
  sources: { s: { ...SOURCE, quotes: Array.from({ length: q }, (_, i) => ({ text: `Passage ${i}.` })) } },
});

/** F8: `n` distinct --answer pairs, none of them a key of the tree. */
export const answerPairs = (n: number): string[] => Array.from({ length: n }, (_, i) => ['--answer', `k${i}=v`]).flat();
