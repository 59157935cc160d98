// The entry point, and the only file that touches process (argv, env, exit code, stdio).
// Exit codes: 0 answer, 1 internal, 2 usage, 3 invalid tree, 4 sources that need a person
// (sources check), 130 interrupted (128 + n for signal n).
// Start-up matters here (scripts call this many times): the common scripted call is parsed by
// quick-args.ts; commander, the prompt, the YAML parser and chalk load only when needed.
import { LIMITS, OverLimit } from './core/limits.js';
import { safeText, shellWord } from './core/safe-text.js';
import { isCliError, systemReason, UsageError } from './errors.js';
import { requestedLanguage } from './core/language.js';
import { DEFAULT_TREE, builtinTrees, defaultTreeHelp } from './load/builtin-trees.js';
import type { InLanguage } from './load/language.js';
import { resolveTree } from './load/resolve-tree.js';
import { commandIndex, mergedAnswers, questionFlags, terminalWishes, type Invocation, type PlanFormat } from './invocation.js';
import { quickParse, quickParsePlan } from './quick-args.js';
import { answer } from './commands/answer.js';
import type { Io } from './io.js';
import { renderJsonError } from './render/json.js';
import { note, show } from './terminal/show.js';
import { ENGLISH, ENGLISH_WORDS, type Words } from './words.js';

/** The main command's options that take no value: every other option takes one (`--region eu`). */
const SWITCHES = new Set(['--list', '--json', '--explain', '--no-input', '--no-color', '--no-pager', '--accessible', '-h', '--help', '-v', '-V', '--version']);

/** The commands that read trees of their own, or none: the main command's options only need the default tree's flags. */
const SUBCOMMANDS = new Set(['validate', 'matrix', 'site', 'completion']);

/** The commands that speak the language asked for (README, Languages): the main command (no command word) and plan. */
const SPEAKING = new Set([undefined, 'plan']);

/**
 * The --tree value, read before parsing because the tree decides which answer flags exist. Given
 * twice, it is refused: the parsers would disagree on which one counts.
 */
function treeArgument(args: string[]): string | undefined {
  let tree: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    const value = args[i] === '--tree' ? args[++i] : args[i]!.startsWith('--tree=') ? args[i]!.slice('--tree='.length) : undefined;
    if (value === undefined) continue;
    if (tree !== undefined) throw new UsageError(`error: --tree was given twice (${tree}, then ${value}); pass one tree`);
    tree = value;
  }
  return tree;
}

/**
 * The --lang value, read before parsing as --tree is: answers that disagree are found while the
 * command line is parsed, and said in the language asked for. The last one counts, as in commander.
 */
function langArgument(args: string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    const value = args[i] === '--lang' ? args[++i] : args[i]!.startsWith('--lang=') ? args[i]!.slice('--lang='.length) : undefined;
    if (value !== undefined) lang = value;
  }
  return lang;
}

/**
 * Write errors are expected, not internal: a reader that left (`| head -1`), a full disk, a closed
 * stream. The run keeps the exit code it earned; only lost output turns success into failure (1),
 * said in one line on stderr. An error on stderr itself is ignored: there is nowhere to report it.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();
function guard(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (guarded.has(stream)) return stream;
  guarded.add(stream);
  stream.on('error', (error: Error) => {
    if (stream !== process.stdout || (error as NodeJS.ErrnoException).code === 'EPIPE') return;
    guard(process.stderr).write(`optout-check: cannot write to standard output: ${systemReason(error) ?? error.message}\n`);
    // Read when the process exits: the error may arrive after main() has set the exit code.
    process.once('exit', () => {
      if (!process.exitCode) process.exitCode = 1;
    });
  });
  return stream;
}

/** --json on the command line: errors are then also printed as a JSON document, for scripts. */
const wantsJson = (args: string[]) => args.slice(0, args.includes('--') ? args.indexOf('--') : args.length).includes('--json');

/** `words`: the run's language, once known; "Aborted." is said in it (the prompts that end with it have no words of their own to say it with). */
function exitCodeOf(error: unknown, io: Io, json: boolean, words: Words): number {
  // Lazily loaded modules are separate bundles with their own copy of the error classes, so an
  // expected error is recognised by its exit code rather than by instanceof.
  // Messages quote trees and command lines, whose control characters must not reach the terminal.
  if (isCliError(error)) {
    const message = error.code === 'interrupted' ? words.say('error.aborted') : error.message;
    io.stderr.write(`${safeText(message)}\n${error.hint ? `${error.hint}\n` : ''}`);
    if (json && (error.exitCode === 2 || error.exitCode === 3)) io.stdout.write(renderJsonError(error, words));
    return error.exitCode;
  }
  const detail = process.env.DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : ' (run with DEBUG=1 for details)';
  io.stderr.write(safeText(`optout-check: internal error: ${(error as Error)?.message ?? String(error)}${detail}\n`));
  return 1;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // Getters: Node creates process.stdin and process.stderr on first use, which costs several ms,
  // and a complete scripted call never reads stdin and usually writes nothing to stderr.
  const io: Io = {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return guard(process.stdout);
    },
    get stderr() {
      return guard(process.stderr);
    },
    env: process.env,
    onInterrupt(listener) {
      process.on('SIGINT', listener);
      return () => void process.off('SIGINT', listener);
    },
    onSignal(signals, listener) {
      for (const signal of signals) process.on(signal, listener);
      return () => signals.forEach((signal) => process.off(signal, listener));
    },
    suspend() {
      // With a listener, Node catches SIGTSTP; without, the system stops the process, and it goes
      // on from here when continued. (A process group no shell controls is not stopped at all.)
      const listeners = process.listeners('SIGTSTP');
      process.removeAllListeners('SIGTSTP');
      process.kill(process.pid, 'SIGTSTP');
      for (const listener of listeners) process.on('SIGTSTP', listener);
    },
    today: new Date(),
  };
  let code = 0;
  let words = ENGLISH_WORDS;
  try {
    // Every parser's work grows with the arguments; a script never needs this many.
    if (args.length > LIMITS.arguments.max) throw new OverLimit('arguments', 2, { found: args.length });
    // The prebuilt help is 80 columns wide; a narrower terminal gets it from commander, at its width.
    if (args.length === 1 && (args[0] === '--help' || args[0] === '-h') && (io.stdout.columns ?? 80) >= 80) {
      await show(defaultTreeHelp(), io, { pager: false });
      return 0;
    }
    // What a completion script asks at each Tab (see commands/completion.ts).
    if (args[0] === '__complete') {
      const { completeValues } = await import('./commands/completion.js');
      await completeValues(args.slice(1), io);
      return 0;
    }
    // Read (and a repeat refused) for every command, matrix and completion too. It may stand anywhere
    // on the line (`--tree x plan` or `plan --tree x`), and names the tree in the "same answer" line.
    const treeRef = treeArgument(args);
    const commandWord = args[commandIndex(args, SWITCHES)];
    const tree = await resolveTree(SUBCOMMANDS.has(commandWord!) ? undefined : treeRef);
    // Quoted for a shell: the file name is pasted back into one.
    const treeFlag = (ref: string | undefined) => (ref && ref !== DEFAULT_TREE ? ` --tree ${shellWord(ref)}` : '');
    // How output meets the terminal. --no-color (and plain prompts, which come without colour)
    // must reach the prompt too, whose styles (node:util styleText) follow NO_COLOR, unless
    // FORCE_COLOR is set: the flag is the more explicit wish, so it wins.
    const terminal = (invocation: Invocation) => {
      const wishes = terminalWishes(invocation, process.env);
      if (!wishes.colour) {
        process.env.NO_COLOR = '1';
        delete process.env.FORCE_COLOR;
      }
      return { ...wishes, colour: !process.env.NO_COLOR };
    };
    // The tree and the words in the language asked for. Another language than English loads its
    // catalogue, and only then (README, Languages).
    const english: InLanguage = { tree, words: ENGLISH_WORDS, messages: ENGLISH, notes: [] };
    const localised = async (): Promise<InLanguage> => {
      const request = requestedLanguage(langArgument(args), io.env);
      if (!request) return english;
      const { inLanguage } = await import('./load/language.js');
      return inLanguage(tree, builtinTrees().includes(tree) ? undefined : treeRef, request);
    };
    // A language that cannot be had (`--lang fr`) is refused when an answer or a plan is asked
    // for, as the notes are said then: --help and --version still work.
    let refused: { error: unknown } | undefined;
    const language = SPEAKING.has(commandWord) ? await localised().catch((error: unknown) => ((refused = { error }), english)) : english;
    words = language.words;
    const languageReady = async () => {
      if (refused) throw refused.error;
      for (const text of language.notes) await note(io, text);
    };
    const answerWith = async (invocation: Invocation) => {
      const { plain, colour, pager } = terminal(invocation);
      await languageReady();
      return answer(
        {
          tree: language.tree,
          command: `optout-check${treeFlag(treeRef)}`,
          answers: mergedAnswers(invocation, words),
          input: invocation.input,
          json: invocation.json,
          explain: invocation.explain,
          colour: colour && !invocation.json,
          pager,
          plain,
          words,
        },
        io,
      );
    };
    const planWith = async (invocation: Invocation, format: PlanFormat) => {
      const { plain, colour, pager } = terminal(invocation);
      await languageReady();
      const { plan } = await import('./commands/plan.js');
      const command = `optout-check plan${treeFlag(treeRef)}`;
      const answers = mergedAnswers(invocation, words);
      return plan(
        { tree: language.tree, command, answers, input: invocation.input, format, colour: colour && format === 'text', pager, plain, explain: invocation.explain, words },
        io,
      );
    };
    const flagKeys = new Set(questionFlags(tree).map((k) => k.key));
    const isPlan = args[0] === 'plan';
    const quick = isPlan ? quickParsePlan(args.slice(1), flagKeys, new Set(tree.varying)) : quickParse(args, flagKeys);
    if (quick) {
      await (isPlan ? planWith(quick, quick.json ? 'json' : 'text') : answerWith(quick));
    } else {
      const { runProgram } = await import('./program.js');
      const run = async (command: (io: Io) => Promise<number>) => void (code = await command(io));
      await runProgram(tree, args, io, { answer: answerWith, plan: planWith, run }, words);
    }
  } catch (error) {
    code = exitCodeOf(error, io, wantsJson(args), words);
  }
  return code;
}

void main().then((code) => {
  process.exitCode = code;
});
