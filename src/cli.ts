// The entry point, and the only file that touches process (argv, env, exit code, stdio).
// Exit codes: 0 answer, 1 internal, 2 usage, 3 invalid tree, 130 interrupted.
// Start-up matters here (scripts call this many times): the common scripted call is parsed by
// quick-args.ts; commander, the prompt, the YAML parser and chalk load only when needed.
import { safeText } from './core/safe-text.js';
import { isCliError, systemReason, UsageError } from './errors.js';
import { DEFAULT_TREE, defaultTreeHelp } from './io/builtin-trees.js';
import { resolveTree } from './io/resolve-tree.js';
import { mergedAnswers, questionFlags, type Invocation } from './invocation.js';
import { quickParse } from './quick-args.js';
import { answer } from './commands/answer.js';
import type { Io } from './io/io.js';

/** Subcommands that need no tree of their own before parsing (matrix takes its own --tree). */
const SUBCOMMANDS = new Set(['validate', 'matrix']);

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

function exitCodeOf(error: unknown, io: Io): number {
  // Lazily loaded modules are separate bundles with their own copy of the error classes, so an
  // expected error is recognised by its exit code rather than by instanceof.
  // Messages quote trees and command lines, whose control characters must not reach the terminal.
  if (isCliError(error)) {
    io.stderr.write(`${safeText(error.message)}\n`);
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
    today: new Date(),
  };
  let code = 0;
  try {
    if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
      io.stdout.write(defaultTreeHelp());
      return 0;
    }
    const treeRef = treeArgument(args);
    const tree = SUBCOMMANDS.has(args[0]!) ? undefined : await resolveTree(treeRef);
    const answerWith = (invocation: Invocation) => {
      // --no-color must reach the prompt too, whose styles (node:util styleText) follow NO_COLOR,
      // unless FORCE_COLOR is set: the flag is the more explicit wish, so it wins.
      if (!invocation.colour) {
        process.env.NO_COLOR = '1';
        delete process.env.FORCE_COLOR;
      }
      return answer(
        {
          tree: tree!,
          command: invocation.tree && invocation.tree !== DEFAULT_TREE ? `optout-check --tree ${invocation.tree}` : 'optout-check',
          answers: mergedAnswers(invocation),
          input: invocation.input,
          json: invocation.json,
          explain: invocation.explain,
          colour: !invocation.json && !process.env.NO_COLOR,
        },
        io,
      );
    };
    const quick = tree && quickParse(args, new Set(questionFlags(tree).map((k) => k.key)));
    if (quick) {
      await answerWith(quick);
    } else {
      const { runProgram } = await import('./program.js');
      await runProgram(tree, args, io, { answer: answerWith, setExitCode: (c) => (code = c) });
    }
  } catch (error) {
    code = exitCodeOf(error, io);
  }
  return code;
}

void main().then((code) => {
  process.exitCode = code;
});
