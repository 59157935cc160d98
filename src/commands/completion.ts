// `optout-check completion bash|zsh|fish`: a completion script for the command line as commander
// knows it (commands, flags, their choices) and for the tree's questions (each --<question> flag
// with its values and their labels), so that it never lists a flag or a value the tool refuses.
import type { Argument, Command, Option } from 'commander';
import { answerKeys } from '../core/answers.js';
import { askOf } from '../core/graph.js';
import type { Tree } from '../core/schema.js';
import { builtinTrees } from '../load/builtin-trees.js';
import type { Io } from '../io.js';
import { renderCompletion, type CommandLine, type Flag, type Shell, type Values, type Word } from '../render/completion.js';
import { resolveTree } from '../load/resolve-tree.js';

/** `programFor` builds the command line for a tree: its flags depend on the tree's questions. */
export async function completion(shell: Shell, treeRef: string, programFor: (tree: Tree) => Command, io: Pick<Io, 'stdout'>): Promise<void> {
  const tree = await resolveTree(treeRef);
  const program = programFor(tree);
  const valuesOf = optionValues(tree);
  const help = program.createHelp();
  const describe = (command: Command, name: string, operands: Values): CommandLine => ({
    name,
    description: command.description(),
    flags: help.visibleOptions(command).map((option) => flag(option, valuesOf(option, command === program))),
    operands,
  });
  const commands = help.visibleCommands(program);
  const commandWords: Word[] = commands.map((c) => ({ value: c.name(), description: c.description() }));
  io.stdout.write(
    renderCompletion(shell, {
      program: program.name(),
      tree: tree.id,
      root: describe(program, '', { words: commandWords, files: false }),
      // `help <command>` takes a command name, `sources` its own commands; the others say what they take.
      commands: commands.map((c) => describe(c, c.name(), c.name() === 'help' ? { words: commandWords, files: false } : c.commands.length > 0 ? subcommands(c) : operandValues(c.registeredArguments[0]))),
    }),
  );
}

const flag = (option: Option, values: Values | undefined): Flag => ({
  names: [option.short, option.long].filter((name): name is string => Boolean(name)),
  description: option.description,
  values,
  repeatable: option.long === '--answer',
});

const words = (values: readonly string[] = []): Word[] => values.map((value) => ({ value, description: '' }));

/** The commands of a command (`sources check`), but its help. */
const subcommands = (command: Command): Values => ({
  words: command.commands.filter((c) => c.name() !== 'help').map((c) => ({ value: c.name(), description: c.description() })),
  files: false,
});

/** A command's operands: its argument's choices, or file names when it has no choices. */
const operandValues = (argument: Argument | undefined): Values =>
  argument?.argChoices ? { words: words(argument.argChoices), files: false } : { words: [], files: argument !== undefined };

/** What an option takes: tree ids for --tree, a folder for site's --out, the tree's values for --answer and the question flags, else its choices. */
function optionValues(tree: Tree): (option: Option, ofProgram: boolean) => Values | undefined {
  const labelled = labelledValues(tree);
  const answers = answerKeys(tree).flatMap(({ key }) => labelled.get(key)!.map((w) => ({ value: `${key}=${w.value}`, description: w.description })));
  const trees = builtinTrees().map((t) => ({ value: t.id, description: t.title }));
  return (option, ofProgram) => {
    if (!option.required && !option.optional) return undefined;
    if (option.long === '--tree') return { words: trees, files: true };
    if (option.long === '--answer') return { words: answers, files: false };
    if (option.long === '--out') return { words: [], files: true };
    const question = ofProgram ? labelled.get(option.long?.slice(2) ?? '') : undefined;
    return { words: question ?? words(option.argChoices), files: false };
  };
}

/** Each answer key's values, labelled as the first question that offers the value labels it. */
function labelledValues(tree: Tree): Map<string, Word[]> {
  const byKey = new Map<string, Map<string, string>>();
  for (const [id, question] of Object.entries(tree.questions)) {
    const labels = byKey.get(askOf(id, question)) ?? new Map<string, string>();
    for (const { value, label } of question.choices) if (!labels.has(value)) labels.set(value, label);
    byKey.set(askOf(id, question), labels);
  }
  return new Map([...byKey].map(([key, labels]) => [key, [...labels].map(([value, description]) => ({ value, description }))]));
}
