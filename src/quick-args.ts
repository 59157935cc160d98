// The common scripted call, `optout-check --region eu … --json`, parsed without commander: loading
// commander costs more than the rest of such a run (see README, Performance). Anything else (help,
// version, a subcommand, an unknown or malformed flag) returns undefined and goes to the commander
// program, which also writes every usage error. A small loop, because importing node:util's
// parseArgs alone costs ~2 ms.
import { answerRecord } from './core/graph.js';
import { parseAnswerPair, type Invocation } from './invocation.js';

export function quickParse(args: readonly string[], flagKeys: ReadonlySet<string>): Invocation | undefined {
  const invocation: Invocation = { tree: undefined, flags: answerRecord(), answers: answerRecord(), json: false, explain: false, input: true, colour: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') invocation.json = true;
    else if (arg === '--explain') invocation.explain = true;
    else if (arg === '--no-input') invocation.input = false;
    else if (arg === '--no-color') invocation.colour = false;
    else {
      const match = /^--([a-z0-9][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
      if (!match) return undefined;
      const [, name, inline] = match;
      const value = inline ?? args[++i];
      // A missing value, or one that looks like a flag, is for commander to explain.
      if (value === undefined || (inline === undefined && value.startsWith('-'))) return undefined;
      if (name === 'tree') invocation.tree = value;
      else if (name === 'answer') {
        const pair = parseAnswerPair(value);
        if (!pair) return undefined;
        invocation.answers[pair[0]] = pair[1];
      } else if (flagKeys.has(name!)) invocation.flags[name!] = value;
      else return undefined;
    }
  }
  return invocation;
}
