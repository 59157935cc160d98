// The full command line, with commander: help, version, subcommands and every usage error.
// Loaded lazily: the common scripted call is parsed by quick-args.ts without it.
import { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { canonicalValue } from './core/answers.js';
import { answerRecord } from './core/graph.js';
import { safeJson, safeText } from './core/safe-text.js';
import type { Tree } from './core/schema.js';
import { suggest } from './core/suggest.js';
import { UsageError, type ErrorCode } from './errors.js';
import { DEFAULT_TREE, builtinTrees } from './load/builtin-trees.js';
import { MATRIX_FORMATS, type MatrixFormat } from './render/matrix.js';
import { SHELLS, type Shell } from './render/completion.js';
import { matrix } from './commands/matrix.js';
import { asAnswer, asFlag, parseAnswerPair, PLAN_FORMATS, questionFlags, withAnswer, type Invocation, type PlanFormat } from './invocation.js';
import type { Io } from './io.js';
import { show } from './terminal/show.js';

declare const __VERSION__: string;

const EXAMPLES = `
Examples:
  $ optout-check                                  # asks, in a terminal
  $ optout-check --region eu --platform instagram --content photos --visibility public --age adult
  $ optout-check --region us --platform facebook --content posts --visibility public --json | jq .verdict.outcome
  $ optout-check --region uk --platform facebook --content posts --visibility public --age adult --explain
  $ optout-check validate my-tree.yaml
  $ optout-check plan --region eu --platform facebook,instagram --content all --visibility public --age adult
  $ optout-check matrix --format markdown
  $ optout-check completion bash > ~/.local/share/bash-completion/completions/optout-check

Exit codes:
  0    an answer was printed, whatever it says
  1    internal error
  2    usage error: a bad flag or value, or a missing answer without a terminal
  3    invalid tree
  130  interrupted`;

/** Two columns while the descriptions have room; on a narrow terminal, each description under its term. */
function formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
  const width = helper.helpWidth ?? 80;
  if (!description || width - termWidth - 4 >= helper.minWidthToWrap) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
  return `  ${term}\n${helper.boxWrap(description, width - 6).replace(/^/gm, '      ')}`;
}

export interface Handlers {
  answer: (invocation: Invocation) => Promise<void>;
  plan: (invocation: Invocation, format: PlanFormat) => Promise<void>;
  setExitCode: (code: number) => void;
}

const HELP_FLAGS = new Set(['-h', '--help']);

/** A value from a fixed list, in any case (`--format CSV`); the command gets the list's spelling. */
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (value: string): T => {
    const match = canonicalValue(choices, value) as T | undefined;
    if (match !== undefined) return match;
    const hint = suggest(value, choices);
    throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.${hint ? ` Did you mean ${hint}?` : ''}`);
  };

/** `previous` is the option's default (a plain `{}`, copied once into a record of our own), then what this returned. */
function collectAnswer(pair: string, previous: Record<string, string>): Record<string, string> {
  const parsed = parseAnswerPair(pair);
  if (!parsed) throw new InvalidArgumentError('expected <question>=<value>, e.g. region=eu');
  const answers = Object.getPrototypeOf(previous) === null ? previous : answerRecord(previous);
  return withAnswer(answers, ...parsed, asAnswer);
}

/**
 * A --<question> flag given twice must give the same answer both times. `previous` is whatever
 * commander holds under the option's name, which for `--constructor` is Object's own function.
 */
const repeatedFlag = (key: string) => (value: string, previous: unknown) =>
  typeof previous !== 'string' ? value : withAnswer(answerRecord({ [key]: previous }), key, value, asFlag)[key]!;

/** `writeOut` receives commander's own output: help and version. */
export function buildProgram(
  tree: Tree | undefined,
  io: Pick<Io, 'stdout' | 'stderr'>,
  handlers: Handlers,
  writeOut: (text: string) => void = (text) => void io.stdout.write(text),
): Command {
  const program = new Command('optout-check')
    .description(tree ? `${tree.question}\nA cited, dated answer from a decision tree (${tree.id}, reviewed ${tree.reviewed}).` : 'Cited answers from decision trees.')
    .version(__VERSION__, '-v, --version', 'print the version (-V works too)')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    // Options after a subcommand belong to it (`matrix --tree x`, `validate --json`).
    .enablePositionalOptions()
    // 80 columns, so the help prebuilt for the default tree is the same as this one; narrower
    // only on a narrower terminal.
    .configureHelp({ helpWidth: Math.min(80, io.stdout.columns ?? 80), minWidthToWrap: 20, formatItem })
    // Help quotes the tree (prompts, values). Usage errors are thrown as UsageErrors (runProgram),
    // which cli.ts prints, as text and with --json as JSON.
    .configureOutput({ writeOut: (s) => writeOut(safeText(s)), writeErr: (s) => io.stderr.write(safeText(s)), outputError: () => {} })
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .option('--list', 'list the built-in trees')
    .addOption(new Option('--answer <question=value>', 'answer any question by id (repeatable)').argParser(collectAnswer).default({}, 'none'))
    .option('--json', 'print one JSON document on stdout')
    .option('--explain', 'say what each answer decided, and what would change the outcome');
  addTerminalOptions(program, 'verdict');

  const answerOptions = addAnswerOptions(program, tree);
  program.addHelpText('after', EXAMPLES);

  program.action(async (opts: Record<string, unknown>) => {
    if (opts.list) return listTrees(Boolean(opts.json), io);
    await handlers.answer({
      tree: String(opts.tree),
      flags: givenAnswers(opts, answerOptions),
      answers: opts.answer as Record<string, string>,
      json: Boolean(opts.json),
      explain: Boolean(opts.explain),
      input: opts.input !== false,
      colour: opts.color !== false,
      pager: opts.pager !== false,
      accessible: Boolean(opts.accessible),
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

  const several = tree?.varying ?? [];
  const plan = program
    .command('plan')
    .description('one plan for all your accounts: several apps and kinds of content at once, as a cited checklist')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .addOption(new Option('--answer <question=value>', 'answer any question by id (repeatable)').argParser(collectAnswer).default({}, 'none'))
    .addOption(new Option('--format <format>', 'output format').choices(PLAN_FORMATS).argParser(oneOf(PLAN_FORMATS)).default('text'))
    .addOption(new Option('--json', 'print one JSON document on stdout (--format json)').conflicts('format'));
  addTerminalOptions(plan, 'plan');
  const planOptions = addAnswerOptions(plan, tree, several);
  plan.addHelpText('after', several.length > 0 ? `\n${several.map((k) => `--${k}`).join(' and ')} take several values: comma-separated, repeated, or all.` : '');
  plan.action(async (opts: Record<string, unknown>) => {
    const invocation = {
      tree: String(opts.tree),
      flags: givenAnswers(opts, planOptions),
      answers: opts.answer as Record<string, string>,
      json: Boolean(opts.json),
      explain: false,
      input: opts.input !== false,
      colour: opts.color !== false,
      pager: opts.pager !== false,
      accessible: Boolean(opts.accessible),
    };
    await handlers.plan(invocation, opts.json ? 'json' : (opts.format as PlanFormat));
  });

  program
    .command('matrix')
    .description('every path of a tree as one row: answers, outcome, verdict and cited sources')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .addOption(new Option('--format <format>', 'output format').choices(MATRIX_FORMATS).argParser(oneOf(MATRIX_FORMATS)).default('table'))
    .addOption(new Option('--json', 'the same as --format json').conflicts('format'))
    .action((opts: { tree: string; format: MatrixFormat; json?: boolean }) => matrix(opts.tree, opts.json ? 'json' : opts.format, io));

  program
    .command('completion')
    .description("print a shell completion script for the tree's flags, their values and the commands")
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS).argParser(oneOf(SHELLS)))
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .action(async (shell: Shell, opts: { tree: string }) => {
      const { completion } = await import('./commands/completion.js');
      await completion(shell, opts.tree, (forTree) => buildProgram(forTree, io, handlers), io);
    });

  return program;
}

/** How the main command and plan meet a terminal: prompts, colour, the pager for a long `output`. */
function addTerminalOptions(command: Command, output: string): void {
  command
    .option('--no-input', 'never prompt; exit 2 naming any missing answer')
    .option('--no-color', 'no colours (NO_COLOR=1 works too)')
    .option('--no-pager', `never page a long ${output} (PAGER= works too)`)
    .option('--accessible', 'ask line by line, with numbered choices (OPTOUT_CHECK_ACCESSIBLE=1 and TERM=dumb do too)');
}

/** A --<key> option per answer key; the `several` keys add up repeated values (for plan), the others must repeat one value. */
function addAnswerOptions(command: Command, tree: Tree | undefined, several: readonly string[] = []): Option[] {
  const options = (tree ? questionFlags(tree) : []).map(({ key, prompt, values }) =>
    new Option(`--${key} <value>`, `${prompt} (${values.join(', ')})`)
      .argParser(several.includes(key) ? (value: string, earlier: unknown) => (typeof earlier !== 'string' ? value : `${earlier},${value}`) : repeatedFlag(key))
      .helpGroup('Answers (asked in a terminal when missing):'),
  );
  for (const option of options) command.addOption(option);
  return options;
}

function givenAnswers(opts: Record<string, unknown>, options: Option[]): Record<string, string> {
  const given = answerRecord();
  for (const option of options) {
    const value = opts[option.attributeName()];
    if (typeof value === 'string') given[option.name()] = value;
  }
  return given;
}

/** What commander's error codes are in the vocabulary of JSON errors. */
const ERROR_CODES: Record<string, ErrorCode> = {
  'commander.unknownOption': 'unknown-option',
  'commander.invalidArgument': 'invalid-value',
  'commander.optionMissingArgument': 'missing-value',
  'commander.missingArgument': 'missing-value',
};

/** Parses and runs. A usage error is thrown as a UsageError (exit 2; commander's own default is 1). */
export async function runProgram(
  tree: Tree | undefined,
  args: string[],
  io: Pick<Io, 'stdout' | 'stderr' | 'env' | 'onInterrupt' | 'onSignal'>,
  handlers: Handlers,
): Promise<void> {
  // Help and version are shown as the verdict is: fitted to a terminal (the examples are wide).
  let printed = '';
  const program = buildProgram(tree, io, handlers, (text) => void (printed += text));
  const { command, argv } = normalise(program, args);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version end with a CommanderError too, after printing.
    if (error.exitCode !== 0) throw new UsageError(error.message, ERROR_CODES[error.code] ?? 'usage', {}, helpHint(command));
  } finally {
    if (printed) await show(printed, io, { pager: false });
  }
}

const helpHint = (command: string | undefined) => `(run optout-check${command ? ` ${command}` : ''} --help for usage)`;

/**
 * Makes the command line mean what people expect before commander reads it: `--help` or `-h`
 * anywhere shows the help of the command named (commander would show the main help for
 * `--help validate`), `help <command>` and an unknown command word say so, and -V is -v.
 * Returns the arguments for commander and the command named, if any.
 */
function normalise(program: Command, args: string[]): { command: string | undefined; argv: string[] } {
  const commands = [...program.commands.map((c) => c.name()), 'help'];
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const at = firstOperand(program, args);
  const word = at < 0 ? undefined : args[at]!;
  const named = word === 'help' && at + 1 < end && !args[at + 1]!.startsWith('-') ? args[at + 1] : word;
  if (named !== undefined && !commands.includes(named)) throw unknownCommand(program, named, commands);
  const command = named === 'help' ? undefined : named;
  if (word === 'help' || args.slice(0, end).some((arg) => HELP_FLAGS.has(arg))) {
    return { command, argv: command ? [command, '--help'] : ['--help'] };
  }
  const rootOptions = at < 0 ? end : Math.min(at, end);
  return { command, argv: args.map((arg, i) => (arg === '-V' && i < rootOptions ? '--version' : arg)) };
}

/**
 * The index of the first argument that is not one of the root's options or their values; -1 if
 * none, or if an unknown option comes first (commander then says so).
 */
function firstOperand(program: Command, args: string[]): number {
  const known = new Set([...program.options.flatMap((o) => [o.long, o.short]), ...HELP_FLAGS, '-V']);
  const takesValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (!known.has(arg.split('=')[0])) return -1;
    if (takesValue.has(arg)) i++;
  }
  return -1;
}

function unknownCommand(program: Command, word: string, commands: string[]): UsageError {
  // `optout-check list` or `version` most likely meant the option of that name.
  const options = program.options.flatMap((o) => (o.long ? [o.long] : []));
  const match = suggest(word, [...commands, ...options.map((o) => o.slice(2))]);
  const suggestion = match === undefined || commands.includes(match) ? match : `--${match}`;
  const hint = suggestion === undefined ? ` Commands: ${commands.join(', ')}.` : ` Did you mean ${suggestion}?`;
  const details = { command: word, ...(suggestion === undefined ? {} : { suggestion }) };
  return new UsageError(`error: unknown command "${word}".${hint}`, 'unknown-command', details, helpHint(undefined));
}

/** The help text, as `--help` prints it: prebuilt for the default tree at build time. */
export function renderHelp(tree: Tree): string {
  let text = '';
  const capture = { write: (s: string) => ((text += s), true) } as unknown as Io['stdout'];
  buildProgram(tree, { stdout: capture, stderr: capture }, { answer: async () => {}, plan: async () => {}, setExitCode: () => {} }).outputHelp();
  return text;
}

function listTrees(json: boolean, io: Pick<Io, 'stdout'>): void {
  const trees = builtinTrees().map(({ id, title, question, reviewed }) => ({ id, title, question, reviewed }));
  io.stdout.write(
    json
      ? `${safeJson({ schemaVersion: 1, trees })}\n`
      : trees.map((t) => `${t.id}  ${t.title} (reviewed ${t.reviewed})\n  ${t.question}\n`).join(''),
  );
}
