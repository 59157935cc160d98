// The common scripted call, `optout-check --region eu … --json`, parsed without commander: loading
// commander costs more than the rest of such a run (see README, Performance). Anything else (help,
// version, a subcommand, an unknown or malformed flag, a repeated answer that disagrees) returns
// undefined and goes to the commander program, which also finds every usage error. A small loop,
// because importing node:util's parseArgs alone costs ~2 ms.
import { answerRecord } from './core/graph.js';
import { addAnswer, parseAnswerPair, type Invocation } from './invocation.js';

/** `several`: keys whose repeated flags add values (`plan --platform a --platform b` is `a,b`). */
export function quickParse(args: readonly string[], flagKeys: ReadonlySet<string>, several: ReadonlySet<string> = new Set()): Invocation | undefined {
  const invocation: Invocation = { tree: undefined, flags: answerRecord(), answers: answerRecord(), json: false, explain: false, input: true, colour: true, pager: true, accessible: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') invocation.json = true;
    else if (arg === '--explain') invocation.explain = true;
    else if (arg === '--no-input') invocation.input = false;
    else if (arg === '--no-color') invocation.colour = false;
    else if (arg === '--no-pager') invocation.pager = false;
    else if (arg === '--accessible') invocation.accessible = true;
    else {
      const match = /^--([a-z0-9][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
      if (!match) return undefined;
      const [, name, inline] = match;
      const value = inline ?? args[++i];
      // A missing value, or one that looks like a flag, is for commander to explain.
      if (value === undefined || (inline === undefined && value.startsWith('-'))) return undefined;
      if (name === 'tree') invocation.tree = value;
      // Read by cli.ts before any parsing, as --tree is (see langArgument there).
      else if (name === 'lang') continue;
      else if (name === 'answer') {
        const pair = parseAnswerPair(value);
        const answers = pair && addAnswer(invocation.answers, ...pair);
        if (!answers) return undefined;
        invocation.answers = answers;
      } else if (flagKeys.has(name!)) {
        if (several.has(name!) && Object.hasOwn(invocation.flags, name!)) {
          invocation.flags[name!] = `${invocation.flags[name!]},${value}`;
          continue;
        }
        const flags = addAnswer(invocation.flags, name!, value);
        if (!flags) return undefined;
        invocation.flags = flags;
      } else return undefined;
    }
  }
  return invocation;
}

/** `optout-check plan …` (args after `plan`): the same flags. */
export const quickParsePlan = (args: readonly string[], flagKeys: ReadonlySet<string>, several: ReadonlySet<string>): Invocation | undefined =>
  quickParse(args, flagKeys, several);
