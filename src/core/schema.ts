// The tree format: the single source of truth. Types are inferred from it, the editor's
// JSON Schema (trees/tree.schema.json) is generated from it, and the loader validates with it.
// Only user-supplied trees are validated at run time; the built-in ones are checked at build time.
import * as v from 'valibot';
import { LIMITS, overLimitMessage, type LimitName } from './limits.js';
import { urlProblem } from './safe-text.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A BCP 47 language tag as trees and catalogues use them: de, pt-BR, de-CH. */
export const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

// Messages follow the path of the value (`verdicts.v1.title: must not be empty`), so they do
// not repeat the description, which is written for the editor's hover.
const text = (description: string) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.description(description));

// The limits on a tree's parts (limits.ts), each problem in the message all limits use.
const maxChars = (name: LimitName) =>
  v.maxLength<string, number, v.ErrorMessage<v.MaxLengthIssue<string, number>>>(LIMITS[name].max, (issue) => overLimitMessage(name, issue.input.length));
const maxItems = <T>(name: LimitName) =>
  v.maxLength<T[], number, v.ErrorMessage<v.MaxLengthIssue<T[], number>>>(LIMITS[name].max, (issue) => overLimitMessage(name, issue.input.length));

const id = (description: string) =>
  v.pipe(
    v.string(),
    maxChars('idLength'),
    v.regex(ID, 'must be lowercase letters, digits and dashes, e.g. my-id'),
    v.description(description),
  );

/** An address to show as a link: http(s) (the pattern editors see), then ASCII and no credentials (see urlProblem). */
const HTTP = /^https?:\/\/\S+$/;
const url = (description: string) =>
  v.pipe(
    v.string(),
    v.regex(HTTP, 'url must be an http(s) address'),
    v.check((address) => !HTTP.test(address) || urlProblem(address) === undefined, (issue) => urlProblem(issue.input as string)!),
    v.description(description),
  );

/**
 * False for a 'YYYY-MM-DD' or 'YYYY-MM' date that does not exist (2026-99-99, 2025-02-29), which
 * would pass the shape's regex. Strings of another shape are left to that regex.
 */
const isPossibleDate = (date: string): boolean => {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0-99 as 1900-1999
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
};
const realDate = (what: string) => v.check(isPossibleDate, (issue) => `${what} must be a real date; ${issue.input as string} is not one`);

const citations = (what: string) =>
  v.pipe(
    v.array(id('a source id from `sources`')),
    v.minLength(1, `${what} must cite at least one source`),
    v.description(`Ids of the sources that back ${what}.`),
  );

export const OUTCOMES = ['opt-out', 'no-opt-out', 'not-used', 'limited'] as const;
export const SOURCE_KINDS = ['primary', 'regulator', 'court', 'press', 'guide', 'copy'] as const;

const Quote = v.strictObject({
  text: text('The passage, verbatim as seen, in its original language.'),
  lang: v.optional(v.pipe(v.string(), v.regex(LANG_TAG, 'lang must be a language tag such as de or pt-BR'), v.description('The language of the passage (a BCP 47 tag such as de or pt-BR); leave it out for English.'))),
  en: v.optional(text('An English rendering, where the passage is not in English.')),
  seen: v.optional(text('Where this passage was seen, when that is not the source\'s own address (e.g. a copy, or a quote in another article).')),
});

const Source = v.strictObject({
  title: text('The title of the page or document.'),
  publisher: text('Who published it: the original publisher, never a mirror site.'),
  url: v.optional(url('The address as seen in a source. Leave it out rather than guess one.')),
  published: v.pipe(
    v.string(),
    v.regex(/^(\d{4}(-\d{2}(-\d{2})?)?|undated)$/, "published must be 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or 'undated'"),
    realDate('published'),
    v.description("Publication date: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or 'undated'."),
  ),
  checked: v.optional(
    v.pipe(
      v.string(),
      v.regex(DAY, "checked must be a 'YYYY-MM-DD' date"),
      realDate('checked'),
      v.description('The date every quote was last found at its address, by `optout-check sources check --update`.'),
    ),
  ),
  kind: v.pipe(
    v.picklist(SOURCE_KINDS, `kind must be one of ${SOURCE_KINDS.join(', ')}`),
    v.description('primary (the company itself), regulator, court, press, guide, or copy (only a copy was seen).'),
  ),
  note: v.optional(text('A note for reviewers, e.g. where the text was seen. Not shown in the text verdict; kept in --json.')),
  quotes: v.optional(
    v.pipe(
      v.array(Quote),
      maxItems<v.InferOutput<typeof Quote>>('quotes'),
      v.description('The passages the tree relies on, verbatim as seen, so a reviewer can check each claim against them. Every cited source needs at least one.'),
    ),
  ),
});

const Choice = v.strictObject({
  value: id('The answer value: what scripts pass as --<question> <value>.'),
  label: text('What the person sees in the menu.'),
  aliases: v.optional(
    v.pipe(
      v.array(v.pipe(text('Another word for this answer, e.g. a country name or code.'), maxChars('aliasLength'))),
      maxItems('aliases'),
      v.description('Other words that mean this answer, typed or passed as a flag (--region germany is --region eu). Matched in any case, with or without accents; output always shows the value.'),
    ),
  ),
  exclusive: v.optional(
    v.pipe(
      v.literal(true),
      v.description('When several answers are chosen at once (plan), this one cannot be combined with others, e.g. "No account": ticking it unticks the rest, and ticking all leaves it out.'),
    ),
  ),
  next: id('The id of the next question or verdict.'),
});

const Question = v.strictObject({
  ask: v.optional(id('The answer key and flag name. Several questions may ask the same key on different paths. Defaults to the question id.')),
  prompt: text('The question as asked.'),
  help: v.optional(text('Shown under the prompt: instructions and definitions only; facts belong in verdicts, where they are cited.')),
  choices: v.pipe(v.array(Choice), v.minLength(1, 'a question needs at least one choice'), maxItems<v.InferOutput<typeof Choice>>('choices'), v.description('The answers, in menu order.')),
});

const When = v.pipe(
  v.record(id('An answer key.'), v.union([id('An answer value.'), v.pipe(v.array(id('An answer value.')), v.minLength(1, 'a condition needs at least one value'))])),
  v.description('Show this only when every key listed has one of the values given (a value, or a list of values), e.g. {platform: instagram}.'),
);

const Step = v.strictObject({
  text: text('One action, in a sentence or three. A step that links a form also gives the in-app path.'),
  url: v.optional(url('A direct link, if a source shows one.')),
  sources: citations('a step'),
  when: v.optional(When),
});

const Caveat = v.strictObject({
  text: text('A limit or exception the person should know.'),
  sources: citations('a caveat'),
  when: v.optional(When),
});

const Dispute = v.strictObject({
  topic: text('The point on which sources disagree.'),
  sides: v.pipe(
    v.array(v.strictObject({ claim: text('What this side says.'), sources: citations('each side of a dispute') })),
    v.minLength(2, 'a dispute needs at least two sides'),
    v.description('Each side, with its own sources.'),
  ),
  when: v.optional(When),
});

const Verdict = v.strictObject({
  outcome: v.pipe(
    v.picklist(OUTCOMES, `outcome must be one of ${OUTCOMES.join(', ')}`),
    v.description('opt-out: an official objection exists; no-opt-out: used, only mitigations; not-used: the company says it is not used; limited: a request route that is not an opt-out, or disputed.'),
  ),
  title: text('The headline answer.'),
  summary: text('What is used and since when, in a few sentences.'),
  sources: citations('the title and summary'),
  steps: v.pipe(v.array(Step), v.minLength(1, 'a verdict needs at least one step'), maxItems<v.InferOutput<typeof Step>>('items'), v.description('Numbered, actionable steps.')),
  caveats: v.optional(v.pipe(v.array(Caveat), maxItems<v.InferOutput<typeof Caveat>>('items'))),
  disputed: v.optional(v.pipe(v.array(Dispute), maxItems<v.InferOutput<typeof Dispute>>('items'))),
});

export const TreeSchema = v.pipe(
  v.strictObject({
    $schema: v.optional(v.string()),
    id: id('The tree id, used with --tree.'),
    title: text('A short title.'),
    question: text('The question the tree answers.'),
    lang: v.optional(
      v.pipe(
        v.string(),
        v.regex(LANG_TAG, 'lang must be a language tag such as de or pt-BR'),
        v.description("The language of the tree's texts (a BCP 47 tag such as de), when it is not English. Translations (trees/<id>.<lang>.yaml) are made from English trees only."),
      ),
    ),
    reviewed: v.pipe(
      v.string(),
      v.regex(DAY, "reviewed must be a 'YYYY-MM-DD' date"),
      realDate('reviewed'),
      v.description('The date of the last full review of every fact in the tree.'),
    ),
    start: id('The id of the first question.'),
    varying: v.optional(
      v.pipe(
        v.array(id('An answer key.')),
        v.description('Answer keys that can differ between one person\'s accounts (e.g. platform, content): `plan` takes several values for these and walks every combination.'),
      ),
    ),
    sources: v.pipe(v.record(id('A source id.'), Source), v.description('Every source the tree cites, by id.')),
    questions: v.pipe(v.record(id('A question id.'), Question), v.description('The questions, by id.')),
    verdicts: v.pipe(v.record(id('A verdict id.'), Verdict), v.description('The verdicts, by id.')),
  }),
  v.description('An optout-check decision tree.'),
);

export type Tree = v.InferOutput<typeof TreeSchema>;
export type Question = v.InferOutput<typeof Question>;
export type Choice = v.InferOutput<typeof Choice>;
export type Verdict = v.InferOutput<typeof Verdict>;
export type Source = v.InferOutput<typeof Source>;
export type Quote = v.InferOutput<typeof Quote>;
export type When = v.InferOutput<typeof When>;
export type Outcome = (typeof OUTCOMES)[number];
