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
import type { SourcesFormat } from './commands/sources-check.js';
import { asAnswer, asFlag, commandIndex, parseAnswerPair, PLAN_FORMATS, questionFlags, terminalWishes, withAnswer, type Invocation, type PlanFormat } from './invocation.js';
import type { Io } from './io.js';
import { show } from './terminal/show.js';
import { ENGLISH_WORDS, type Words } from './words.js';

declare const __VERSION__: string;

const EXAMPLES = `
Examples:
  $ optout-check                                  # asks, in a terminal
  $ optout-check --region eu --platform instagram --content photos --visibility public --age adult
  $ optout-check --region us --platform facebook --content posts --visibility public --json | jq .verdict.outcome
  $ optout-check --region uk --platform facebook --content posts --visibility public --age adult --explain
  $ optout-check validate my-tree.yaml
  $ optout-check plan --region eu --platform facebook,instagram --content all --visibility public --age adult
  $ optout-check plan --region eu --platform all --content all --visibility public --age adult --json > my-plan.json
  $ optout-check changes my-plan.json                     # after updating: what changed since
  $ optout-check matrix --format markdown
  $ optout-check sources check --format markdown          # maintainers: the sources against the web
  $ optout-check site --out site
  $ optout-check completion bash > ~/.local/share/bash-completion/completions/optout-check

Exit codes:
  0    an answer was printed, whatever it says
  1    internal error
  2    usage error: a bad flag or value, or a missing answer without a terminal
  3    invalid tree
  4    sources check: something needs a person
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
  /** Runs a command that needs the whole Io (the clock, the environment), and exits with the code it returns. */
  run: (command: (io: Io) => Promise<number>) => Promise<void>;
}

const HELP_FLAGS = new Set(['-h', '--help']);
const VERSION_FLAGS = new Set(['-v', '-V', '--version']);

/** A value from a fixed list, in any case (`--format CSV`); the command gets the list's spelling. */
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (value: string): T => {
    const match = canonicalValue(choices, value) as T | undefined;
    if (match !== undefined) return match;
    const hint = suggest(value, choices);
    throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.${hint ? ` Did you mean ${hint}?` : ''}`);
  };

/** A number of at least `min` (a whole one when `whole`), for options such as --timeout. */
const numberFrom =
  (min: number, whole = false) =>
  (value: string): number => {
    const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (number >= min && (!whole || Number.isInteger(number))) return number;
    throw new InvalidArgumentError(`expected ${whole ? 'a whole number' : 'a number'} of at least ${min}.`);
  };

/** `sources check --format`. */
const SOURCES_FORMATS = ['text', 'markdown', 'json'] as const satisfies readonly SourcesFormat[];

/**
 * --answer pairs, which must agree (said in `words`). `previous` is the option's default (a plain
 * `{}`, copied once into a record of our own), then what this returned.
 */
const collectAnswer = (words: Words) => (pair: string, previous: Record<string, string>): Record<string, string> => {
  const parsed = parseAnswerPair(pair);
  if (!parsed) throw new InvalidArgumentError('expected <question>=<value>, e.g. region=eu');
  const answers = Object.getPrototypeOf(previous) === null ? previous : answerRecord(previous);
  return withAnswer(answers, ...parsed, words, asAnswer);
};

/**
 * A --<question> flag given twice must give the same answer both times. `previous` is whatever
 * commander holds under the option's name, which for `--constructor` is Object's own function.
 */
const repeatedFlag = (key: string, words: Words) => (value: string, previous: unknown) =>
  typeof previous !== 'string' ? value : withAnswer(answerRecord({ [key]: previous }), key, value, words, asFlag)[key]!;

/**
 * `writeOut` receives commander's own output: help and version. `words`: the language of the
 * answers' own usage errors (answers that disagree); help and commander's errors are English.
 */
export function buildProgram(
  tree: Tree | undefined,
  io: Pick<Io, 'stdout' | 'stderr' | 'env' | 'onInterrupt' | 'onSignal'>,
  handlers: Handlers,
  writeOut: (text: string) => void = (text) => void io.stdout.write(text),
  words: Words = ENGLISH_WORDS,
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
    .addOption(new Option('--answer <question=value>', 'answer any question by id (repeatable)').argParser(collectAnswer(words)).default({}, 'none'))
    .option('--json', 'print one JSON document on stdout')
    .option('--explain', 'say what each answer decided and what would change the outcome, and list the sources in full');
  addTerminalOptions(program, 'verdict');
  addLanguageOption(program);

  const answerOptions = addAnswerOptions(program, tree, words);
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
    .addOption(new Option('--max-age <days>', 'warn about sources never checked against the web, or not for more than <days> days').argParser(numberFrom(0, true)))
    .action((files: string[], opts: { json?: boolean; maxAge?: number }) =>
      handlers.run(async (io) => {
        const { validate } = await import('./commands/validate.js');
        return validate(files, { json: Boolean(opts.json), maxAge: opts.maxAge }, io);
      }),
    );

  const several = tree?.varying ?? [];
  const plan = program
    .command('plan')
    .description('one plan for all your accounts: several apps and kinds of content at once, as a cited checklist')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .addOption(new Option('--answer <question=value>', 'answer any question by id (repeatable)').argParser(collectAnswer(words)).default({}, 'none'))
    .addOption(new Option('--format <format>', 'output format').choices(PLAN_FORMATS).argParser(oneOf(PLAN_FORMATS)).default('text'))
    .addOption(new Option('--json', 'print one JSON document on stdout (--format json)').conflicts('format'))
    .option('--explain', 'list the sources in full, with the passages quoted');
  addTerminalOptions(plan, 'plan');
  addLanguageOption(plan);
  const planOptions = addAnswerOptions(plan, tree, words, several);
  plan.addHelpText('after', several.length > 0 ? `\n${several.map((k) => `--${k}`).join(' and ')} take several values: comma-separated, repeated, or all.` : '');
  plan.action(async (opts: Record<string, unknown>) => {
    const invocation = {
      tree: String(opts.tree),
      flags: givenAnswers(opts, planOptions),
      answers: opts.answer as Record<string, string>,
      json: Boolean(opts.json),
      explain: Boolean(opts.explain),
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
    .option('--no-pager', 'never page the table (PAGER= works too)')
    .option('--accessible', 'plain output: no pager (OPTOUT_CHECK_ACCESSIBLE=1 and TERM=dumb do too)')
    .action((opts: { tree: string; format: MatrixFormat; json?: boolean; pager: boolean; accessible?: boolean }) => {
      const { pager } = terminalWishes({ accessible: Boolean(opts.accessible), colour: false, pager: opts.pager }, io.env);
      return matrix(opts.tree, opts.json ? 'json' : opts.format, io, { pager });
    });

  program
    .command('changes')
    .description('what changed since you saved an answer or a plan (--json, or plan --format markdown), said in plain words')
    .argument('<saved>', 'a file an earlier run wrote')
    .option('--tree <file|id>', 'a built-in tree id or a tree file')
    .option('--json', 'print the differences as JSON')
    .action((saved: string, opts: { tree?: string; json?: boolean }) =>
      handlers.run(async (io) => {
        const { changes } = await import('./commands/changes.js');
        // A tree file's translations are beside it; a saved German plan is read again with them.
        // (A built-in tree is named by its id, as resolveTree finds it.)
        const ref = opts.tree ?? String(program.opts().tree);
        const treeFile = builtinTrees().some((builtin) => builtin.id === ref) ? undefined : ref;
        return changes({ tree: tree!, treeFile, saved, json: Boolean(opts.json) }, io);
      }),
    );

  program
    .command('sources')
    .description("for maintainers: the tree's sources against the live web")
    .action(() => {
      throw new UsageError('error: sources needs a command: optout-check sources check');
    })
    .command('check')
    .description('fetch every cited page and look for each quoted passage; exits 4 when something needs a person')
    .option('--tree <file|id>', 'a built-in tree id or a tree file')
    .addOption(new Option('--format <format>', 'output format').choices(SOURCES_FORMATS).argParser(oneOf(SOURCES_FORMATS)).default('text'))
    .addOption(new Option('--json', 'the same as --format json').conflicts('format'))
    .option('--update', 'write checked: <today> on each source whose quotes were all found, changing nothing else in the file')
    .option('--archive', "name the Wayback Machine's closest snapshot of each page gone or missing a quote")
    .addOption(new Option('--timeout <seconds>', 'give up on a request after this long').argParser(numberFrom(0.001)).default(20))
    .addOption(new Option('--delay <seconds>', 'pause between two requests to one host').argParser(numberFrom(0)).default(2))
    .addOption(new Option('--concurrency <n>', 'requests at once, each to another host').argParser(numberFrom(1, true)).default(4))
    .action((opts: { tree?: string; format: SourcesFormat; json?: boolean; update?: boolean; archive?: boolean; timeout: number; delay: number; concurrency: number }) =>
      handlers.run(async (io) => {
        const { sourcesCheck } = await import('./commands/sources-check.js');
        return sourcesCheck(
          {
            tree: tree!,
            treeRef: opts.tree ?? String(program.opts().tree),
            format: opts.json ? 'json' : opts.format,
            update: Boolean(opts.update),
            archive: Boolean(opts.archive),
            timeoutSeconds: opts.timeout,
            delaySeconds: opts.delay,
            concurrency: opts.concurrency,
          },
          io,
        );
      }),
    );

  program
    .command('site')
    .description('write the tree as a static web site: a page per question and answer, the sources, a plan page')
    .requiredOption('--out <dir>', 'the folder to write, new or empty')
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .option('--base <path>', "where the site is hosted, from the host's root", '/')
    .action(async (opts: { out: string; tree: string; base: string }) => {
      const { site } = await import('./commands/site.js');
      await site(opts, io);
    });

  program
    .command('completion')
    .description("print a shell completion script for the tree's flags, their values and the commands")
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS).argParser(oneOf(SHELLS)))
    .option('--tree <file|id>', 'a built-in tree id or a tree file', DEFAULT_TREE)
    .action(async (shell: Shell, opts: { tree: string }) => {
      const { completion } = await import('./commands/completion.js');
      await completion(shell, opts.tree, (forTree) => buildProgram(forTree, io, handlers, undefined, words), io);
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

/** --lang, read by cli.ts before parsing; the loader refuses a language the build lacks, naming those it has (load/language.ts). */
function addLanguageOption(command: Command): void {
  command.option('--lang <language>', 'the language of the answer, e.g. de (default: OPTOUT_CHECK_LANG, then the locale)');
}

/** A --<key> option per answer key; the `several` keys add up repeated values (for plan), the others must repeat one value. */
function addAnswerOptions(command: Command, tree: Tree | undefined, words: Words, several: readonly string[] = []): Option[] {
  const options = (tree ? questionFlags(tree) : []).map(({ key, prompt, values }) =>
    new Option(`--${key} <value>`, `${prompt} (${values.join(', ')})`)
      .argParser(several.includes(key) ? (value: string, earlier: unknown) => (typeof earlier !== 'string' ? value : `${earlier},${value}`) : repeatedFlag(key, words))
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
  words: Words,
): Promise<void> {
  // Help and version are shown as the verdict is: fitted to a terminal (the examples are wide).
  let printed = '';
  const program = buildProgram(tree, io, handlers, (text) => void (printed += text), words);
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
 * `--help validate`), `help <command>` and an unknown command word say so, -v, -V and --version
 * anywhere print the version, and options before a command are that command's options
 * (`--tree x matrix` is `matrix --tree x`; `--list plan` is refused as `plan --list` is).
 * Returns the arguments for commander and the command named, if any.
 */
function normalise(program: Command, args: string[]): { command: string | undefined; argv: string[] } {
  const commands = [...program.commands.map((c) => c.name()), 'help'];
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const at = firstOperand(program, args);
  const word = at < 0 ? undefined : args[at]!;
  const named = word === 'help' && at + 1 < end && !args[at + 1]!.startsWith('-') ? args[at + 1] : word;
  if (named !== undefined && !commands.includes(named)) throw unknownCommand(program, named, commands);
  // A command of a command (`sources check`) is named with it, for its own help.
  const namedAt = named === word ? at : at + 1;
  const sub = program.commands.find((c) => c.name() === named)?.commands.find((c) => c.name() === args[namedAt + 1]);
  const path = named === undefined || named === 'help' ? [] : [named, ...(sub ? [sub.name()] : [])];
  const command = path.length > 0 ? path.join(' ') : undefined;
  const flags = args.slice(0, end);
  if (word === 'help' || flags.some((arg) => HELP_FLAGS.has(arg))) {
    return { command, argv: [...path, '--help'] };
  }
  if (flags.some((arg) => VERSION_FLAGS.has(arg))) return { command, argv: ['--version'] };
  // Before a command word that is not after `--`: the options go after it (and after a command of
  // the command, `sources check`), for the command to read.
  if (command !== undefined && at > 0 && at <= end) return { command, argv: [...path, ...args.slice(0, at), ...args.slice(at + path.length)] };
  return { command, argv: args };
}

/** The index of the command word, knowing which of the root's options take no value; -1 if none. */
function firstOperand(program: Command, args: string[]): number {
  const switches = program.options.filter((o) => !o.required && !o.optional).flatMap((o) => [o.long, o.short]);
  return commandIndex(args, new Set([...switches.filter((name): name is string => name !== undefined), ...HELP_FLAGS, ...VERSION_FLAGS]));
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
  const io = { stdout: capture, stderr: capture, env: {}, onInterrupt: () => () => {}, onSignal: () => () => {} };
  buildProgram(tree, io, { answer: async () => {}, plan: async () => {}, run: async () => {} }).outputHelp();
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
