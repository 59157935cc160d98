// The command line: commander options -> the run functions. The only file that touches
// process (argv, env, exit code, stdio). Exit codes: 0 answer, 1 internal, 2 usage, 3 invalid
// tree, 130 interrupted.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { answerKeys } from './core/answers.js';
import { buildMatrix } from './core/matrix.js';
import type { Tree } from './core/schema.js';
import { CliError, UsageError } from './errors.js';
import { DEFAULT_TREE, builtinTrees } from './io/builtin-trees.js';
import { MATRIX_FORMATS, renderMatrix, type MatrixFormat } from './io/render-matrix.js';
import { resolveTree } from './io/resolve-tree.js';
import { answer, type Io } from './run.js';

declare const __VERSION__: string;

const SUBCOMMANDS = new Set(['validate', 'matrix', 'help']);
/** Question ids that would clash with the tool's own flags; such questions take --answer only. */
const RESERVED = new Set(['tree', 'list', 'answer', 'json', 'explain', 'input', 'color', 'version', 'help']);

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

/** The --tree value, read before parsing because the tree decides which answer flags exist. */
function treeArgument(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--tree') return args[i + 1];
    if (args[i]!.startsWith('--tree=')) return args[i]!.slice('--tree='.length);
  }
  return undefined;
}

function collectAnswer(pair: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([^=]+)=(.*)$/.exec(pair);
  if (!match) throw new InvalidArgumentError('expected <question>=<value>, e.g. region=eu');
  return { ...previous, [match[1]!]: match[2]! };
}

function buildProgram(tree: Tree | undefined, io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('optout-check')
    .description(tree ? `${tree.question}\nA cited, dated answer from a decision tree (${tree.id}, reviewed ${tree.reviewed}).` : 'Cited answers from decision trees.')
    .version(__VERSION__, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    // Options after a subcommand belong to it (`matrix --tree x`, `validate --json`).
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run optout-check --help for usage)')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .option('--list', 'list the built-in trees')
    .addOption(new Option('--answer <question=value>', 'answer any question by id (repeatable)').argParser(collectAnswer).default({}, 'none'))
    .option('--json', 'print one JSON document on stdout')
    .option('--explain', 'say why each answer led where it did, and what would change the outcome')
    .option('--no-input', 'never prompt; exit 2 naming any missing answer')
    .option('--no-color', 'no colours (NO_COLOR=1 works too)');

  const flags = tree ? answerKeys(tree).filter((k) => !RESERVED.has(k.key)) : [];
  for (const { key, prompt, values } of flags) {
    program.addOption(new Option(`--${key} <value>`, `${prompt} (${values.join(', ')})`).helpGroup('Answers (asked in a terminal when missing):'));
  }
  program.addHelpText('after', EXAMPLES);

  program.action(async (opts: Record<string, unknown>) => {
    if (opts.list) return listTrees(Boolean(opts.json), io);
    const answers: Record<string, string> = { ...(opts.answer as Record<string, string>) };
    for (const { key } of flags) {
      const value = opts[new Option(`--${key} <value>`).attributeName()] as string | undefined;
      if (value === undefined) continue;
      if (answers[key] !== undefined && answers[key] !== value) {
        throw new UsageError(`error: --${key} ${value} and --answer ${key}=${answers[key]} disagree`);
      }
      answers[key] = value;
    }
    const command = opts.tree === DEFAULT_TREE ? 'optout-check' : `optout-check --tree ${String(opts.tree)}`;
    await answer({ tree: tree!, command, answers, input: opts.input !== false, json: Boolean(opts.json), explain: Boolean(opts.explain), colour: opts.color !== false && !process.env.NO_COLOR }, io);
  });

  program
    .command('validate')
    .description('check tree files: syntax, schema, links, cycles, reachability, sources (default: the built-in trees)')
    .argument('[files...]', 'tree files')
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const { validate } = await import('./validate.js');
      setExitCode(await validate(files, Boolean(opts.json), io));
    });

  program
    .command('matrix')
    .description('every path of a tree as one row: answers, outcome, verdict and cited sources')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .addOption(new Option('--format <format>', 'output format').choices(MATRIX_FORMATS).default('table'))
    .action(async (opts: { tree: string; format: MatrixFormat }) => {
      const matrixTree = await resolveTree(opts.tree);
      io.stdout.write(renderMatrix(matrixTree, buildMatrix(matrixTree), opts.format));
    });

  return program;
}

function listTrees(json: boolean, io: Io): void {
  const trees = builtinTrees().map(({ id, title, question, reviewed }) => ({ id, title, question, reviewed }));
  io.stdout.write(
    json
      ? `${JSON.stringify(trees, null, 2)}\n`
      : trees.map((t) => `${t.id}  ${t.title} (reviewed ${t.reviewed})\n  ${t.question}\n`).join(''),
  );
}

function exitCodeOf(error: unknown, io: Io): number {
  // commander has already printed its own message (or the help, or the version).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof CliError) {
    io.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  const detail = process.env.DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : ' (run with DEBUG=1 for details)';
  io.stderr.write(`optout-check: internal error: ${(error as Error)?.message ?? String(error)}${detail}\n`);
  return 1;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, today: new Date() };
  // `optout-check | head -1`: the reader left, which is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let code = 0;
  try {
    const tree = SUBCOMMANDS.has(args[0]!) ? undefined : await resolveTree(treeArgument(args));
    await buildProgram(tree, io, (c) => (code = c)).parseAsync(args, { from: 'user' });
  } catch (error) {
    code = exitCodeOf(error, io);
  }
  return code;
}

process.exitCode = await main();
