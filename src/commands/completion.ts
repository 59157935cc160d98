// `optout-check completion bash|zsh|fish`: a completion script for the command line as commander
// knows it (commands, flags, their choices) and for the tree's questions (each --<question> flag
// with its values and their labels), so that it never lists a flag or a value the tool refuses.
import type { Argument, Command, Option } from 'commander';
import { answerKeys, readAnswer, spellings } from '../core/answers.js';
import { askOf } from '../core/graph.js';
import { questionFlags } from '../invocation.js';
import { choicesFor } from '../core/open-questions.js';
import type { Tree } from '../core/schema.js';
import { builtinTrees } from '../load/builtin-trees.js';
import type { Io } from '../io.js';
import { COMPLETE, completionLine, renderCompletion, SHELLS, type CommandLine, type Flag, type Shell, type Values, type Word } from '../render/completion.js';
import { resolveTree } from '../load/resolve-tree.js';
import { UsageError } from '../errors.js';
import { resolve as resolvePath } from 'node:path';

/** `programFor` builds the command line for a tree: its flags depend on the tree's questions. */
export async function completion(shell: Shell, treeRef: string, programFor: (tree: Tree) => Command, io: Pick<Io, 'stdout'>): Promise<void> {
  const tree = await resolveTree(treeRef);
  // The scripts ask the tool for a question's values at each Tab (see completeValues), naming this
  // tree unless the line names another; a file by its absolute path, as the shell may be elsewhere.
  const dynamicTree = builtinTrees().some((t) => t.id === treeRef) ? treeRef : resolvePath(treeRef);
  const program = programFor(tree);
  const valuesOf = optionValues(tree);
  const help = program.createHelp();
  const describe = (command: Command, name: string, operands: Values): CommandLine => ({
    name,
    description: command.description(),
    flags: help.visibleOptions(command).map((option) => flag(option, valuesOf(option))),
    operands,
  });
  const commands = help.visibleCommands(program);
  const commandWords: Word[] = commands.map((c) => ({ value: c.name(), description: c.description() }));
  io.stdout.write(
    renderCompletion(shell, {
      program: program.name(),
      tree: tree.id,
      dynamicTree,
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

/**
 * `optout-check __complete <shell> <key> <tree> -- <words…>`, which the completion scripts run at
 * each Tab on the value of a question's flag: the values of --<key> that still fit the answers in
 * the words typed so far (after the program name), in the tree they name or else in <tree>, one per
 * line as <shell> reads them. Aliases are understood in the answers typed, and not offered: the
 * list stays as short as the menu, and shows what the output will show.
 */
export async function completeValues(args: string[], io: Pick<Io, 'stdout'>): Promise<void> {
  const [shell, key, fallbackTree, separator, ...words] = args;
  if (!(SHELLS as readonly string[]).includes(shell!) || separator !== '--') throw new UsageError(`error: usage: optout-check ${COMPLETE} <shell> <key> <tree> -- <words>`);
  const at = words.findIndex((word) => word === '--tree' || word.startsWith('--tree='));
  const treeRef = at < 0 ? fallbackTree! : (words[at]!.split('=')[1] ?? words[at + 1] ?? fallbackTree!);
  const tree = await resolveTree(treeRef);
  const forms = spellings(tree);
  const given = new Map<string, string[]>();
  const give = (name: string, value: string | undefined) => {
    if (value === undefined || name === key || !forms.has(name) || value.toLowerCase() === 'all') return;
    given.set(name, value.split(',').map((typed) => {
      const read = readAnswer(forms.get(name)!, typed);
      return 'value' in read ? read.value : typed;
    }));
  };
  for (let i = 0; i < words.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(words[i]!);
    if (!match) continue;
    const [, name, inline] = match;
    const value = inline ?? (words[i + 1]?.startsWith('-') ? undefined : words[++i]);
    if (name === 'answer' && value?.includes('=')) give(value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1));
    else give(name!, value);
  }
  const lines = choicesFor(tree, key!, given).map((choice) => completionLine(shell as Shell, { value: choice.value, description: choice.label }));
  io.stdout.write(lines.map((line) => `${line}\n`).join(''));
}

const words = (values: readonly string[] = []): Word[] => values.map((value) => ({ value, description: '' }));

/** The commands of a command (`sources check`), but its help. */
const subcommands = (command: Command): Values => ({
  words: command.commands.filter((c) => c.name() !== 'help').map((c) => ({ value: c.name(), description: c.description() })),
  files: false,
});

/** A command's operands: its argument's choices, or file names when it has no choices. */
const operandValues = (argument: Argument | undefined): Values =>
  argument?.argChoices ? { words: words(argument.argChoices), files: false } : { words: [], files: argument !== undefined };

/**
 * What an option takes: tree ids for --tree, a folder for site's --out, the tree's values for
 * --answer, for a question's flag those that fit the answers typed so far (asked of the tool, with
 * all of them if it cannot say), else its choices.
 */
function optionValues(tree: Tree): (option: Option) => Values | undefined {
  const labelled = labelledValues(tree);
  const answers = answerKeys(tree).flatMap(({ key }) => labelled.get(key)!.map((w) => ({ value: `${key}=${w.value}`, description: w.description })));
  const trees = builtinTrees().map((t) => ({ value: t.id, description: t.title }));
  const questions = new Set(questionFlags(tree).map((k) => `--${k.key}`));
  return (option) => {
    if (!option.required && !option.optional) return undefined;
    if (option.long === '--tree') return { words: trees, files: true };
    if (option.long === '--answer') return { words: answers, files: false };
    if (option.long === '--out') return { words: [], files: true };
    if (questions.has(option.long!)) return { words: labelled.get(option.long!.slice(2))!, files: false, answer: option.long!.slice(2) };
    return { words: words(option.argChoices), files: false };
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
