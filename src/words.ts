// The tool's own words, in English: the source of truth that every catalogue in locales/
// translates (README, "Translating a tree, or adding a language"). A word is a string with {name}
// placeholders, or for a word that counts, one string per plural category ({count} picks the
// category, by Intl.PluralRules).
// Code says `words.say('key', { name: value })`; `words` is ENGLISH_WORDS or a language's, from
// load/language.ts.
import type { Message, PluralCategory } from './core/catalogue.js';

export const ENGLISH = {
  /** How a marked interface label ([[…]] in a tree's translation) is shown. */
  label: '"{label}"',
  'language.tree-in-english': 'note: "{tree}" is not translated into this language yet, so it is shown in English.',
  'language.texts-in-english': {
    one: 'note: {count} text of this tree is shown in English: its translation is missing, out of date or failed a check (optout-check validate {file} says which).',
    other: 'note: {count} texts of this tree are shown in English: their translation is missing, out of date or failed a check (optout-check validate {file} says which).',
  },

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
  'site.only-answer': 'the only answer here',
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
  'site.what-you-can-do': 'What you can do',
  'site.caveats': 'Caveats',
  'site.sources-disagree': 'Sources disagree: {topic}',
  'site.sources': 'Sources',
  /** Before a [n] citation, for screen readers. */
  'site.citation': 'source',
  'site.kind.primary': 'primary source',
  'site.kind.regulator': 'regulator',
  'site.kind.court': 'court',
  'site.kind.press': 'press',
  'site.kind.guide': 'guide',
  'site.kind.copy': 'seen only in a copy',
  'site.undated': 'undated',
  'site.no-address': '(no web address)',
  'site.quoted-passages': 'The passages quoted from it',
  'site.passages': { one: '{count} quoted passage', other: '{count} quoted passages' },
  'site.in-english': 'In English:',
  /** A title or passage in quotation marks, as the language writes them. */
  'site.quoted': '“{text}”',
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
  'site.plan-section.act': 'What to do',
  'site.plan-section.nothing': 'Nothing to do',
  'site.plan-section.mitigate': 'No opt-out, only mitigations',
  /** {combinations} and {answers} are site.combination-count and site.answer-count. */
  'site.plan-counts': '{combinations}, {answers}.',
  'site.combination-count': { one: '{count} combination', other: '{count} combinations' },
  'site.answer-count': { one: '{count} different answer', other: '{count} different answers' },
  /** {covers}: the combinations a group of the plan covers. */
  'site.for-whom': 'For {covers}.',
  /** Before a step, caveat or dispute that applies to some of a group's combinations only. */
  'site.only-for': 'Only for {which}:',
  'site.step-above': 'Step {n} above.',
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
