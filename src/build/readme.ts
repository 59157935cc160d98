// A README that cannot drift from the tool. Its Questions table is generated from the tree between
// markers, and every `$ command` in a console block is run and compared with the lines shown after
// it, as doctest runners do: a line `…` stands for any number of lines, and `…` within a line for
// any text. `npm run gen` writes the table and the output of every example that elides nothing;
// tests/readme.test.ts checks all of them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { answerKeys } from '../core/answers.js';
import { askOf } from '../core/graph.js';
import { enumeratePaths } from '../core/paths.js';
import type { Tree } from '../core/schema.js';
import { questionFlags } from '../invocation.js';

export const ELISION = '…';

export interface Example {
  /** The command as shown, continuation lines joined. */
  command: string;
  /** The lines shown after it, up to the next command or the end of the block. */
  expected: string[];
  /** Where the shown lines are in the README (line indexes, end exclusive). */
  from: number;
  to: number;
}

/** Every `$ command` of the README's console blocks, with the output shown after it. */
export function consoleExamples(readme: string): Example[] {
  const lines = readme.split('\n');
  const examples: Example[] = [];
  let inConsole = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^```/.test(lines[i]!)) inConsole = !inConsole && lines[i] === '```console';
    if (!inConsole || !lines[i]!.startsWith('$ ')) continue;
    let command = lines[i]!.slice(2);
    while (command.endsWith('\\')) command = `${command.slice(0, -1)}${lines[++i]!.trim()}`;
    const from = i + 1;
    let to = from;
    while (!lines[to]!.startsWith('$ ') && !lines[to]!.startsWith('```')) to++;
    // A blank line before the next command only separates them.
    while (to > from && lines[to - 1] === '') to--;
    examples.push({ command, expected: lines.slice(from, to), from, to });
  }
  return examples;
}

/** Whether `actual` matches `expected`: a line `…` stands for any lines, `…` within a line for any text. */
export function matches(expected: readonly string[], actual: readonly string[]): boolean {
  const patterns = expected.map((line) => (line === ELISION ? undefined : new RegExp(`^${line.split(ELISION).map(escapeRegExp).join('.*')}$`)));
  // seen[i][j]: whether expected[i..] was already tried against actual[j..] (and failed).
  const seen = new Set<string>();
  const from = (i: number, j: number): boolean => {
    if (i === patterns.length) return j === actual.length;
    if (seen.has(`${i},${j}`)) return false;
    seen.add(`${i},${j}`);
    const pattern = patterns[i];
    if (!pattern) return from(i + 1, j) || (j < actual.length && from(i, j + 1));
    return j < actual.length && pattern.test(actual[j]!) && from(i + 1, j + 1);
  };
  return from(0, 0);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs an example as a person would in a shell with optout-check installed: `optout-check` (or
 * `npx optout-check`) is the built binary at `bin`, run in an empty folder with no terminal.
 * Returns what it printed, stdout and stderr as they arrived, without the stale-tree warning that
 * only a date decides.
 */
export function runExample(command: string, bin: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'optout-check-readme-'));
  symlinkSync(bin, join(dir, 'optout-check'));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir}:${process.env.PATH}`, NO_COLOR: '1', PAGER: 'cat' };
  delete env.FORCE_COLOR;
  let output: string;
  try {
    // In the repository, as a reader runs them (docs/plan.md is an example's saved plan).
    output = execFileSync('sh', ['-c', `${command.replace(/^npx /, '')} 2>&1`], { cwd: resolve(dirname(bin), '..'), env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // A usage error is an example too: its output is what counts.
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  return output
    .replace(/\n$/, '')
    .split('\n')
    .filter((line) => !/^warning: ".*" was last reviewed on /.test(line));
}

/** The README with the output of each example that elides nothing as `run` gives it now. */
export function withOutputs(readme: string, run: (command: string) => string[]): string {
  const lines = readme.split('\n');
  // From the end, so that the line numbers of the examples before stay right.
  for (const example of consoleExamples(readme).reverse()) {
    if (example.expected.some((line) => line.includes(ELISION))) continue;
    // A blank line between an example's output and the next command.
    const apart = lines[example.to]!.startsWith('$ ') ? [''] : [];
    lines.splice(example.from, example.to - example.from, ...run(example.command), ...apart);
  }
  return lines.join('\n');
}

/** The README with the text between `<!-- name: … -->` and `<!-- end of name -->` replaced. */
export function withGenerated(readme: string, name: string, text: string): string {
  const start = new RegExp(`(<!-- ${name}: [^\\n]*-->\\n)[\\s\\S]*?(<!-- end of ${name} -->)`);
  if (!start.test(readme)) throw new Error(`README.md has no <!-- ${name}: … --> … <!-- end of ${name} --> markers`);
  return readme.replace(start, (_, open: string, close: string) => `${open}${text}${close}`);
}

/** The Questions table: each flag, its values with their labels, and on how many paths it is asked. */
export function questionsTable(tree: Tree): string {
  const paths = enumeratePaths(tree);
  const labels = new Map<string, string>();
  for (const [id, question] of Object.entries(tree.questions)) {
    for (const { value, label } of question.choices) if (!labels.has(`${askOf(id, question)}=${value}`)) labels.set(`${askOf(id, question)}=${value}`, label);
  }
  const flags = new Set(questionFlags(tree).map((k) => k.key));
  const rows = answerKeys(tree)
    .filter(({ key }) => flags.has(key))
    .map(({ key, values }) => {
      const asked = paths.filter((path) => path.steps.some((step) => step.ask === key && !step.auto)).length;
      const listed = values.map((value) => {
        const label = labels.get(`${key}=${value}`)!;
        // A label that only capitalises the value says nothing more.
        return label.toLowerCase().replace(/ /g, '-') === value ? `\`${value}\`` : `\`${value}\`: ${label}`;
      });
      const where = asked === paths.length ? 'always' : `on ${asked} of the ${paths.length} paths`;
      return `| \`--${key}\` | ${listed.join('; ').replaceAll('|', '\\|')} | ${where} |`;
    });
  return ['| Flag | Values | Asked |', '|---|---|---|', ...rows, ''].join('\n');
}

/** The README brought up to date: the Questions table from `tree`, the examples' output from `bin`. */
export function generatedReadme(readme: string, tree: Tree, bin: string): string {
  return withOutputs(withGenerated(readme, 'questions', questionsTable(tree)), (command) => runExample(command, bin));
}
