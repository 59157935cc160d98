// The full command line, with commander: help, version, subcommands and every usage error.
// Loaded lazily: the common scripted call is parsed by quick-args.ts without it.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { answerRecord } from './core/graph.js';
import { safeText } from './core/safe-text.js';
import type { Tree } from './core/schema.js';
import { DEFAULT_TREE, builtinTrees } from './io/builtin-trees.js';
import { MATRIX_FORMATS, type MatrixFormat } from './io/render-matrix.js';
import { matrix } from './commands/matrix.js';
import { parseAnswerPair, questionFlags, type Invocation } from './invocation.js';
import type { Io } from './io/io.js';

declare const __VERSION__: string;

const EXAMPLES = `
Examples:
  $ optout-check                                  # asks, in a terminal
  $ optout-check --region eu --platform instagram --content photos --visibility public --age adult
  $ optout-check --region us --platform facebook --content posts --visibility public --json | jq .verdict.outcome
  $ optout-check --region uk --platform facebook --content posts --visibility public --age adult --explain
  $ optout-check validate my-tree.yaml
  $ optout-check matrix --format markdown

Exit codes: 0 an answer was printed (whatever it says), 1 internal error, 2 usage error
(bad flag or value, missing answer without a terminal), 3 invalid tree, 130 interrupted.`;

export interface Handlers {
  answer: (invocation: Invocation) => Promise<void>;
  setExitCode: (code: number) => void;
}

function collectAnswer(pair: string, previous: Record<string, string>): Record<string, string> {
  const parsed = parseAnswerPair(pair);
  if (!parsed) throw new InvalidArgumentError('expected <question>=<value>, e.g. region=eu');
  return answerRecord(previous, { [parsed[0]]: parsed[1] });
}

export function buildProgram(tree: Tree | undefined, io: Pick<Io, 'stdout' | 'stderr'>, handlers: Handlers): Command {
  const program = new Command('optout-check')
    .description(tree ? `${tree.question}\nA cited, dated answer from a decision tree (${tree.id}, reviewed ${tree.reviewed}).` : 'Cited answers from decision trees.')
    .version(__VERSION__, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    // Options after a subcommand belong to it (`matrix --tree x`, `validate --json`).
    .enablePositionalOptions()
    // A fixed width, so the help prebuilt for the default tree is the same as this one.
    .configureHelp({ helpWidth: 80 })
    // Help and errors quote the tree (prompts, values) and the command line.
    .configureOutput({ writeOut: (s) => io.stdout.write(safeText(s)), writeErr: (s) => io.stderr.write(safeText(s)) })
    .showHelpAfterError('(run optout-check --help for usage)')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .option('--list', 'list the built-in trees')
    .addOption(new Option('--answer <question=value>', 'answer any question by id (repeatable)').argParser(collectAnswer).default({}, 'none'))
    .option('--json', 'print one JSON document on stdout')
    .option('--explain', 'say why each answer led where it did, and what would change the outcome')
    .option('--no-input', 'never prompt; exit 2 naming any missing answer')
    .option('--no-color', 'no colours (NO_COLOR=1 works too)');

  const answerOptions = (tree ? questionFlags(tree) : []).map(({ key, prompt, values }) =>
    new Option(`--${key} <value>`, `${prompt} (${values.join(', ')})`).helpGroup('Answers (asked in a terminal when missing):'),
  );
  for (const option of answerOptions) program.addOption(option);
  program.addHelpText('after', EXAMPLES);

  program.action(async (opts: Record<string, unknown>) => {
    if (opts.list) return listTrees(Boolean(opts.json), io);
    const given = answerRecord();
    for (const option of answerOptions) {
      const value = opts[option.attributeName()];
      if (typeof value === 'string') given[option.name()] = value;
    }
    await handlers.answer({
      tree: String(opts.tree),
      flags: given,
      answers: opts.answer as Record<string, string>,
      json: Boolean(opts.json),
      explain: Boolean(opts.explain),
      input: opts.input !== false,
      colour: opts.color !== false,
    });
  });

  program
    .command('validate')
    .description('check tree files: syntax, schema, links, cycles, reachability, sources (default: the built-in trees)')
    .argument('[files...]', 'tree files')
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const { validate } = await import('./commands/validate.js');
      handlers.setExitCode(await validate(files, Boolean(opts.json), io));
    });

  program
    .command('matrix')
    .description('every path of a tree as one row: answers, outcome, verdict and cited sources')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .addOption(new Option('--format <format>', 'output format').choices(MATRIX_FORMATS).default('table'))
    .action((opts: { tree: string; format: MatrixFormat }) => matrix(opts.tree, opts.format, io));

  return program;
}

/** Parses and runs; a usage error is exit 2 (commander's own default is 1). */
export async function runProgram(tree: Tree | undefined, args: string[], io: Pick<Io, 'stdout' | 'stderr'>, handlers: Handlers): Promise<void> {
  try {
    await buildProgram(tree, io, handlers).parseAsync(args, { from: 'user' });
  } catch (error) {
    // commander has already printed its message (or the help, or the version).
    if (!(error instanceof CommanderError)) throw error;
    handlers.setExitCode(error.exitCode === 0 ? 0 : 2);
  }
}

/** The help text, as `--help` prints it: prebuilt for the default tree at build time. */
export function renderHelp(tree: Tree): string {
  let text = '';
  const capture = { write: (s: string) => ((text += s), true) } as unknown as Io['stdout'];
  buildProgram(tree, { stdout: capture, stderr: capture }, { answer: async () => {}, setExitCode: () => {} }).outputHelp();
  return text;
}

function listTrees(json: boolean, io: Pick<Io, 'stdout'>): void {
  const trees = builtinTrees().map(({ id, title, question, reviewed }) => ({ id, title, question, reviewed }));
  io.stdout.write(
    json
      ? `${JSON.stringify(trees, null, 2)}\n`
      : trees.map((t) => `${t.id}  ${t.title} (reviewed ${t.reviewed})\n  ${t.question}\n`).join(''),
  );
}
