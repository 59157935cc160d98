// The work budget (README, Security): a size cap alone does not bound the work, since a 3 KB tree
// can have 2^22 paths. So every dimension that some command's work grows with has a limit here,
// and past it the command stops with one line naming the limit: exit 3 when the tree is too large,
// exit 2 when what was asked for on the command line is.
//
// The same module counts the work done, in units: one per node, edge, item, path step or
// character that a loop of the core (or a renderer) looks at. The growth tests read the count,
// so that work growing faster than its input fails a test without timing anything.

export interface Limit {
  /** The largest number allowed. */
  readonly max: number;
  /** What is counted, in the plural: "paths", "questions and verdicts". */
  readonly of: string;
  /** Where the limit applies, for messages: "in a tree", "for matrix". */
  readonly where: string;
}

const limit = (max: number, of: string, where: string): Limit => ({ max, of, where });

export const LIMITS = {
  treeBytes: limit(8 * 1024 * 1024, 'bytes', 'in a tree file'),
  depth: limit(64, 'levels of nesting', 'in a tree file'),
  nodes: limit(20_000, 'questions and verdicts', 'in a tree'),
  answerKeys: limit(200, 'answer keys', 'in a tree'),
  choices: limit(1_000, 'choices', 'in a question'),
  aliases: limit(300, 'aliases', 'of a choice'),
  aliasLength: limit(100, 'characters', 'in an alias'),
  values: limit(1_000, 'values', 'of an answer key'),
  items: limit(200, 'items', 'in a list of steps, caveats or disputes'),
  quotes: limit(1_000, 'quotes', 'of a source'),
  idLength: limit(64, 'characters', 'in an id, answer key or value'),
  paths: limit(10_000, 'paths', 'for matrix'),
  combinations: limit(10_000, 'combinations (dead ends included)', 'for plan'),
  arguments: limit(2_000, 'arguments', 'on the command line'),
  answers: limit(1_000, 'answers (each value of a list counts)', 'on the command line'),
  /** Did-you-mean compares strings; past this many characters compared in one check, it stops suggesting. */
  suggestions: limit(2_000_000, 'characters compared', 'for did-you-mean'),
} as const;

export type LimitName = keyof typeof LIMITS;

/** 10000 → "10,000" */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
const count = (n: number, what: string) => `${thousands(n)} ${what}`;

/** One line: `found` is how many there are, or "more than max" when counting stopped there. */
export const overLimitMessage = (name: LimitName, found?: number): string => {
  const { max, of, where } = LIMITS[name];
  return `${found === undefined ? `more than ${count(max, of)}` : count(found, of)} ${where}; the limit is ${thousands(max)}`;
};

/**
 * A limit passed while a command ran: exit 3 when the tree is too large for the command, 2 when
 * what the command line asked for is. Shaped like the CLI's own errors (errors.ts), which the
 * core cannot import.
 */
export class OverLimit extends Error {
  readonly code = 'over-limit';
  readonly details: { limit: LimitName; max: number };

  /**
   * `found`: how many there are, when known; `advice`: what to do, after the limit; `message`: the
   * whole message instead, in the run's language (for a limit the person answering can meet).
   */
  constructor(
    readonly limit: LimitName,
    readonly exitCode: 2 | 3,
    { found, advice = '', message }: { found?: number; advice?: string; message?: string } = {},
  ) {
    super(message ?? `error: ${overLimitMessage(limit, found)}${advice}`);
    this.details = { limit, max: LIMITS[limit].max };
  }
}

let done = 0;

/** Counts `units` of work. */
export const spend = (units: number): void => {
  done += units;
};

/** The units of work counted since the process started: the growth tests compare differences. */
export const workDone = (): number => done;

/** A count kept within a limit, e.g. the paths enumerated so far. */
export class Budget {
  private used = 0;

  constructor(readonly name: LimitName) {}

  /** Adds `units` (and counts them as work); false once the total is past the limit. */
  spend(units = 1): boolean {
    spend(units);
    this.used += units;
    return this.used <= LIMITS[this.name].max;
  }

  get exhausted(): boolean {
    return this.used > LIMITS[this.name].max;
  }
}
