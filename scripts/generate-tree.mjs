// Writes a valid tree of about N nodes to stdout, for the validate scaling benchmark:
//   node scripts/generate-tree.mjs 10000 [--json] > big.yaml
// Shaped like a real tree, shallow and wide: a start question fans out, through a question per
// group of up to 100 blocks (a question has at most 1,000 choices, a key 1,000 values), to blocks
// of nine nodes (three levels of questions, a node reached from three choices, four verdicts),
// citing shared sources. --json writes the same tree as JSON (which is also YAML).
import { stringify } from 'yaml';

const nodes = Number(process.argv[2] ?? 10_000);
const blocks = Math.max(1, Math.floor((nodes - 1) / 9.01));
const groups = Math.ceil(blocks / 100);
const choice = (value, next) => ({ value, label: `Answer ${value}`, next });
const question = (ask, prompt, choices) => ({ ask, prompt, choices: choices.map(([value, next]) => choice(value, next)) });
const outcomes = ['opt-out', 'no-opt-out', 'not-used', 'limited'];

const tree = {
  id: `generated-${nodes}`,
  title: `Generated tree of ${nodes} nodes`,
  question: 'Does validate scale linearly?',
  reviewed: '2026-11-23',
  start: 'start',
  sources: Object.fromEntries(
    [0, 1, 2, 3, 4].map((s) => [`s${s}`, { title: `Source ${s}`, publisher: 'Bench', url: `https://example.org/${s}`, published: '2026-01-01', kind: 'primary', quotes: [{ text: `Passage ${s}.` }] }]),
  ),
  questions: { start: question('group', 'Which group?', Array.from({ length: groups }, (_, g) => [`g${g}`, `group${g}`])) },
  verdicts: {},
};
for (let g = 0; g < groups; g++) {
  const inGroup = Array.from({ length: Math.min(100, blocks - g * 100) }, (_, i) => [`b${i}`, `a${g * 100 + i}`]);
  tree.questions[`group${g}`] = question('block', 'Which block?', inGroup);
}
for (let b = 0; b < blocks; b++) {
  tree.questions[`a${b}`] = question('one', 'First level?', [['x', `b${b}-1`], ['y', `b${b}-2`], ['z', `b${b}-3`]]);
  for (let j = 1; j <= 3; j++) tree.questions[`b${b}-${j}`] = question('two', 'Second level?', [['x', `c${b}`], ['y', `v${b}-1`]]);
  tree.questions[`c${b}`] = question('three', 'Third level?', [['x', `v${b}-2`], ['y', `v${b}-3`], ['z', `v${b}-4`]]);
  for (let k = 1; k <= 4; k++) {
    const s = (b + k) % 5;
    tree.verdicts[`v${b}-${k}`] = {
      outcome: outcomes[k - 1],
      title: `Verdict ${k} of block ${b}`,
      summary: 'What is used and since when.',
      sources: [`s${s}`],
      steps: [{ text: 'Do the thing.', url: `https://example.org/form/${b}`, sources: [`s${(s + 1) % 5}`] }],
      caveats: [{ text: 'Only for the future.', sources: [`s${(s + 2) % 5}`] }],
    };
  }
}
process.stdout.write(process.argv.includes('--json') ? JSON.stringify(tree) : stringify(tree));
