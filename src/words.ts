// The tool's own words, in English: the source of truth that every catalogue in locales/
// translates (README, "Translating a tree, or adding a language"). A word is a string with {name}
// placeholders, or for a word that counts, one string per plural category ({count} picks the
// category, by Intl.PluralRules).
// Code says `words.say('key', { name: value })`; `words` is ENGLISH_WORDS or a language's, from
// load/language.ts.
import type { Message, PluralCategory } from './core/catalogue.js';
import type { PlanPhrases } from './core/plan.js';

export const ENGLISH = {
  /** How a marked interface label ([[…]] in a tree's translation) is shown. */
  label: '"{label}"',
  'language.tree-in-english': 'note: "{tree}" is not translated into this language yet, so it is shown in English.',
  'language.texts-in-english': {
    one: 'note: {count} text of this tree is shown in English: its translation is missing, out of date or failed a check (optout-check validate {file} says which).',
    other: 'note: {count} texts of this tree are shown in English: their translation is missing, out of date or failed a check (optout-check validate {file} says which).',
  },

  // What the main command and plan say (flags, values and command names stay as they are).
  // Lists inside a sentence: {items} is all but the last, joined with ", ".
  'list.or': '{items} or {last}',
  'list.and': '{items} and {last}',

  // The verdict (render/text.ts).
  'verdict.what-you-can-do': 'What you can do',
  'verdict.caveats': 'Caveats',
  'verdict.disputed': 'Sources disagree: {topic}',
  'verdict.reproduce': 'Reviewed {reviewed}. Same answer in a script: {command}',
  'verdict.unused': 'note: not asked on this path, so ignored: {flags}',

  // The sources, under a verdict or a plan: {sources} is "Sources [1–5]".
  'sources.heading': 'Sources',
  'sources.compact': '{sources}: in full, with the passages quoted, with --explain.',
  'sources.line': '{publisher}, "{title}", {published} ({kind}). {address}',
  'sources.no-address': '(no web address)',
  'sources.undated': 'undated',
  'sources.kind.primary': 'primary',
  'sources.kind.regulator': 'regulator',
  'sources.kind.court': 'court',
  'sources.kind.press': 'press',
  'sources.kind.guide': 'guide',
  'sources.kind.copy': 'copy',
  'sources.quote': '“{text}”',
  'sources.quote-lang': '“{text}” ({lang})',
  'sources.quote-english': '“{text}” ({lang}; in English: “{english}”)',
  'sources.quote-seen': '{quote} (seen: {seen})',
  'sources.checked': '(quotes last found at the address on {date})',

  // --explain (render/text.ts): {outcome} and the like are outcome values (opt-out, limited…).
  'explain.decided': 'What each answer decided',
  'explain.only-answer': 'the only answer here',
  'explain.already': 'the outcome was already {outcome}',
  'explain.ruled-out-none': 'ruled out no outcome by itself',
  'explain.settled': 'settled {outcome}, ruling out {ruled-out}',
  'explain.ruled-out': 'ruled out {ruled-out}, leaving {possible}',
  'explain.chose': {
    one: 'chose {count} item of this verdict for this answer and left out {left-out} for other answers',
    other: 'chose {count} items of this verdict for this answer and left out {left-out} for other answers',
  },
  'explain.would-change': 'What would change the answer',
  'explain.no-change': 'No other single answer changes the outcome.',
  'explain.depending': '{outcomes}, depending on further answers',

  // The plan (render/plan-text.ts, render/plan-markdown.ts, commands/plan.ts).
  'plan.heading': 'Your plan: {title}, reviewed {reviewed}',
  'plan.combinations': { one: '{count} combination', other: '{count} combinations' },
  'plan.verdicts': { one: '{count} different answer', other: '{count} different answers' },
  /** {combinations} and {verdicts} are plan.combinations and plan.verdicts. */
  'plan.counts': '{combinations}, {verdicts}.',
  'plan.key-all': '{key}: all',
  'plan.all': 'All',
  'plan.everything': 'everything you chose',
  'plan.section.act': 'What to do',
  'plan.section.nothing': 'Nothing to do',
  'plan.section.mitigate': 'No opt-out, only mitigations',
  'plan.for': 'For {covers}.',
  'plan.only-for': 'Only for {whom}: {text}',
  'plan.same-steps': { one: 'Step {steps} above.', other: 'Steps {steps} above.' },
  'plan.reproduce': 'Same plan in a script: {command}',
  'plan.markdown-title': 'Plan: {title}',
  'plan.markdown-made': 'Reviewed {reviewed} (tree {id}). {combinations}, {verdicts}. Made with {command}.',
  'plan.unused': 'note: asked for none of the combinations, so ignored: {flags}',
  'plan.one-value': '--{key} takes one value in a plan ({why}).',
  'plan.several-only': 'only {flags} take several',
  'plan.several-none': 'this tree has no answers that take several',
  'plan.too-many': 'more than {max} combinations (dead ends included), more than a plan takes: choose fewer values for {flags}',
  'plan.empty-value': '--{key} "{value}" has an empty value; list values with commas, e.g. --{key} a,b, or pass all.',

  // Questions in a terminal (terminal/interview.ts, plan-interview.ts, prompt.ts, checklist.ts).
  'prompt.from-flag': 'From --{key}: {labels}',
  'prompt.only-choice': 'Only one choice for "{prompt}": {label}',
  'prompt.flag-does-not-apply': '--{key} {value} does not apply after that answer. Choose again, or start over without that flag.',
  'prompt.plan-choice': 'Several of these: one plan for all of them',
  'prompt.choose-all': '{prompt} Choose all that apply.',
  'prompt.no-combination': 'None of the combinations chosen exists.',
  'prompt.no-combination-for': 'For {answers}, "{prompt}" offers: {labels}.',
  'prompt.your-answers': 'your answers',
  'prompt.too-many': 'That makes too many combinations.',
  'prompt.choose-again': '{problem} Choose again, or start over with other flags.',
  'prompt.back': '← Back',
  'prompt.back-from': '← Back from "{prompt}"',
  'prompt.tick-one': 'Tick at least one with space.',
  'prompt.tick-one-or-back': 'Tick at least one with space, or press b to go back.',
  'prompt.key.navigate': 'navigate',
  'prompt.key.space': 'space',
  'prompt.key.tick': 'tick',
  'prompt.key.all': 'all',
  'prompt.key.select': 'select',
  'prompt.key.confirm': 'confirm',
  'prompt.key.back': 'back to your last answer',

  // Questions line by line (terminal/plain-prompt.ts): b, back and all are typed as they are.
  'plain.last-answer': '{choice} — your last answer',
  'plain.back': 'b. Back: change your last answer',
  'plain.type-one': 'Type a number from 1 to {count}',
  'plain.type-several': 'Type one or more numbers from 1 to {count}, separated by commas (e.g. 1,2), or all',
  'plain.press-enter': '{how} and press Enter:',
  'plain.press-enter-or-back': '{how}, or b to go back, and press Enter:',
  'plain.went-back': '→ Back to your last answer',
  'plain.not-a-choice': '"{typed}" is not one of the choices.',
  'plain.did-you-mean': 'Did you mean {spelling}? That is {choice}.',
  'plain.choose-one': 'Choose at least one.',
  'plain.alone': '"{label}" cannot be chosen with others.',

  // The pager's prompt (terminal/pager.ts), in less's prompt line: ASCII in every language, as
  // less 590 shows „ü“ there as ^@¼ (a test checks).
  'pager.end': '(END) q to quit',
  'pager.more': 'Space for more, b back, q to quit',

  // Errors and warnings about the answers (commands/answer-messages.ts, invocation.ts, cli.ts).
  // An error's first line is `error` around its message; --json gives the message alone.
  error: 'error: {message}',
  'error.did-you-mean': 'Did you mean {suggestion}?',
  'error.unknown-question': 'this tree asks no question "{key}".',
  'error.invalid-value': '--{key} {value} is not a valid answer. Valid values: {values}.',
  'error.plan-hint': 'For several values of {flags} at once, run `optout-check plan` with the same flags.',
  'error.not-applicable': '--{key} {value} does not apply.',
  'error.not-applicable-with': '--{key} {value} does not apply with --{ask} {answer} ({label}).',
  'error.takes-one-of': 'After {path}, "{prompt}" takes one of: {values}.',
  'error.no-combination': 'none of the chosen combinations exists.',
  'error.no-combination-after': 'After {path}, --{key} takes one of: {values}.',
  'error.missing-answers': 'missing answers, and no prompt can be shown ({why}). Pass them as flags:',
  'error.not-a-terminal': 'stdin is not a terminal',
  'error.no-input': '--no-input was given',
  'error.missing-several': '{prompt} (several, comma-separated, or all)',
  'error.missing-answers-end': 'Which of these are needed depends on your answers; --answer <question>=<value> works too.',
  'error.conflicting-answers': '{first} and {second} disagree: give one answer per question',
  'error.aborted': 'Aborted.',
  'warning.stale': 'warning: "{title}" was last reviewed on {reviewed}, {days} days ago. Facts may have changed since: check the dates of the sources.',

  // The site's own words (optout-check site: the pages, and the plan page's script). Plain text:
  // the html template escapes them as it does tree text.
  /** This language's name in itself, for the switch between the site's languages. */
  'site.language': 'English',
  /** The name of the switch between languages, for screen readers. */
  'site.languages': 'Language',
  'site.skip-link': 'Skip to main content',
  'site.back': 'Back',
  'site.start': 'Start now',
  'site.your-answers': 'Your answers',
  'site.change': 'Change',
  /** After "Change", for screen readers only: which answer. */
  'site.change-which': 'your answer to “{prompt}”',
  'site.outcome': 'Outcome',
  /** What each outcome means (the README's table), and the short form in the index's table. */
  'site.outcome.opt-out.meaning': 'An official objection or opt-out exists.',
  'site.outcome.opt-out.short': 'you can object',
  'site.outcome.no-opt-out.meaning': 'The content is used and there is no opt-out, only mitigations.',
  'site.outcome.no-opt-out.short': 'no opt-out',
  'site.outcome.not-used.meaning': 'The company says this content is not used for training.',
  'site.outcome.not-used.short': 'not used',
  'site.outcome.limited.meaning': 'A request route that is not an opt-out, or a situation where the sources disagree.',
  'site.outcome.limited.short': 'limited',
  /** Before a [n] citation, for screen readers. */
  'site.citation': 'source',
  'site.kind.primary': 'primary source',
  'site.kind.regulator': 'regulator',
  'site.kind.court': 'court',
  'site.kind.press': 'press',
  'site.kind.guide': 'guide',
  'site.kind.copy': 'seen only in a copy',
  'site.quoted-passages': 'The passages quoted from it',
  'site.passages': { one: '{count} quoted passage', other: '{count} quoted passages' },
  'site.in-english': 'In English:',
  'site.seen-at': 'Seen at:',
  'site.reviewed': '{title}: reviewed {date}.',
  'site.same-in-terminal': 'Same answer in a terminal:',
  'site.as-json': 'The same answer as JSON',
  'site.index-lead': 'Answer a few questions, only those that matter for you. You get a dated answer: what you can do, step by step, with a source for every statement.',
  'site.several': 'Several apps or kinds of content?',
  'site.make-plan': 'Make one plan for all of them',
  /** {rows} and {columns} are answer keys (region, platform), as the flags name them. */
  'site.table-caption': 'What the answer can be, by {rows} and {columns}',
  'site.table-caption-rows': 'What the answer can be, by {rows}',
  'site.table-note': 'A cell lists every outcome your other answers can lead to. Follow its link for yours.',
  'site.how-sourced': 'How the answers are sourced',
  'site.how-sourced-text':
    'Every statement cites its sources. Each source is listed with its publisher, date and address, and with the passages the answers rely on, quoted as seen, in the original language and in English. Where sources disagree, the answer says so and cites both sides. The date of the last full review is on every page.',
  'site.read-sources': 'Read every source and passage',
  'site.in-a-terminal': 'In a terminal',
  'site.in-a-terminal-text': 'The same answers, from the same decision tree, on the command line:',
  /** {sources} and {passages} are site.source-count and site.passage-count. */
  'site.sources-lead': 'Every source the answers cite, with the passages they rely on, quoted as seen in the original language and in English: {sources}, {passages}.',
  'site.source-count': { one: '{count} source', other: '{count} sources' },
  'site.passage-count': { one: '{count} passage', other: '{count} passages' },
  'site.plan-title': 'One plan for all your accounts',
  'site.plan-lead':
    'Choose several apps and kinds of content at once. The plan gives each different answer once, a step shared by several apps once, and the sources; you can download it as a checklist in Markdown. It is made in your browser: nothing is sent anywhere.',
  'site.plan-needs-script': 'This page needs JavaScript to make the plan in your browser, and JavaScript is off or blocked here.',
  'site.plan-without-script': 'Without it, find each answer on its own, one app and one kind of content at a time. Every other page works without JavaScript.',
  'site.start-first-question': 'Start with the first question',
  'site.choose-all': 'Choose all that apply.',
  'site.choose-one': 'Choose one.',
  'site.continue': 'Continue',
  'site.choose-at-least-one': 'Choose at least one answer.',
  /** Before an error message, for screen readers. */
  'site.error': 'Error:',
  'site.none-exists': 'None of the combinations chosen exists in this tree. Choose again.',
  'site.too-many': 'That makes too many combinations. Choose fewer.',
  'site.your-plan': 'Your plan: {title}',
  'site.download': 'Download the plan as a Markdown checklist',
  'site.same-plan-in-terminal': 'Same plan in a terminal:',
  'site.footer': 'Made with optout-check from a decision tree; no cookies, no tracking, nothing loaded from elsewhere.',
  'site.plan-link': 'One plan for several apps',
} satisfies Record<string, Message>;

export type WordKey = keyof typeof ENGLISH;

export interface Words {
  readonly lang: string;
  /** The word `key`, its {name} placeholders filled from `values`; `count` also picks the plural form. */
  say(key: WordKey, values?: Readonly<Record<string, string | number>>): string;
}

/** `messages` must hold every word (a built catalogue does: the build refuses one with gaps). */
export function wordsIn(lang: string, messages: Readonly<Record<WordKey, Message>>): Words {
  let rules: Intl.PluralRules | undefined;
  return {
    lang,
    say(key, values = {}) {
      const message = messages[key];
      const form = (): string => {
        if (typeof message === 'string') return message;
        rules ??= new Intl.PluralRules(lang);
        const category = rules.select(Number(values.count ?? 0)) as PluralCategory;
        return (message[category] ?? message.other)!;
      };
      return form().replace(/\{([a-z][a-z0-9-]*)\}/gi, (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
    },
  };
}

// Pure: a bundle that says no English word (the site's plan.js, given its words) leaves them out.
export const ENGLISH_WORDS: Words = /* @__PURE__ */ wordsIn('en', ENGLISH);

/** An error's message as its first line shows it: `error: …` in English. */
export const errorLine = (words: Words, message: string): string => words.say('error', { message });

/** An error's message without what `errorLine` put around it, for --json; as it is if it has none. */
export function withoutErrorLine(words: Words, line: string): string {
  const [before, after] = words.say('error', { message: '\u0000' }).split('\u0000') as [string, string];
  return line.startsWith(before) && line.endsWith(after) && line.length >= before.length + after.length ? line.slice(before.length, line.length - after.length) : line;
}

/** `items` as a list in a sentence: "a, b or c" (`joiner` list.or) or "a, b and c" (list.and). */
export const listed = (words: Words, joiner: 'list.or' | 'list.and', items: readonly string[]): string =>
  items.length < 2 ? items.join('') : words.say(joiner, { items: items.slice(0, -1).join(', '), last: items.at(-1)! });

/** The words a plan holds (its sections' titles, `all`, "everything you chose"), in `words`' language. */
export const planPhrases = (words: Words): PlanPhrases => ({
  sections: { act: words.say('plan.section.act'), nothing: words.say('plan.section.nothing'), mitigate: words.say('plan.section.mitigate') },
  all: words.say('plan.all'),
  everything: words.say('plan.everything'),
});
