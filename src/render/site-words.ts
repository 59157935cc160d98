// The site's own words, in one place per language, apart from the tree's text. Pages take a
// language and look every word up here, so a language is added by adding a catalogue (the
// German one is issue 16). Values are plain text: the html template escapes them like tree text.
import type { SectionKind } from '../core/plan.js';
import type { Outcome, Source } from '../core/schema.js';

export const SITE_LANGUAGES = ['en'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

export interface SiteWords {
  skipLink: string;
  back: string;
  start: string;
  yourAnswers: string;
  change: string;
  /** After "Change", for screen readers: which answer. */
  changeWhich: (prompt: string) => string;
  onlyAnswer: string;
  outcome: string;
  /** What each outcome means (the README's table), and the short form used in the index's table. */
  outcomes: Record<Outcome, { meaning: string; short: string }>;
  whatYouCanDo: string;
  caveats: string;
  sourcesDisagree: (topic: string) => string;
  sources: string;
  /** Before a [n] citation, for screen readers. */
  citation: string;
  kinds: Record<Source['kind'], string>;
  undated: string;
  noAddress: string;
  quotedPassages: string;
  passages: (n: number) => string;
  inEnglish: string;
  /** A title or passage in quotation marks, as the language writes them. */
  quoted: (text: string) => string;
  seenAt: string;
  reviewed: (title: string, date: string) => string;
  sameInTerminal: string;
  asJson: string;
  /** The index page. */
  indexLead: string;
  several: string;
  makePlan: string;
  tableCaption: (rows: string, columns?: string) => string;
  tableNote: string;
  howSourced: string;
  howSourcedText: string;
  readSources: string;
  inATerminal: string;
  inATerminalText: string;
  /** The sources page. */
  sourcesTitle: string;
  sourcesLead: (sources: number, passages: number) => string;
  /** The plan page. */
  planTitle: string;
  planLead: string;
  planNeedsScript: string;
  planWithoutScript: string;
  startFirstQuestion: string;
  chooseAll: string;
  chooseOne: string;
  continue: string;
  chooseAtLeastOne: string;
  /** Before an error message, for screen readers. */
  error: string;
  startAgain: string;
  noneExists: string;
  tooMany: string;
  yourPlan: (title: string) => string;
  planSections: Record<SectionKind, string>;
  planCounts: (combinations: number, answers: number) => string;
  forWhom: (covers: string) => string;
  onlyFor: (which: string) => string;
  stepAbove: (n: number) => string;
  download: string;
  samePlanInTerminal: string;
  footer: string;
  sourcesLink: string;
  planLink: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: SiteWords = {
  skipLink: 'Skip to main content',
  back: 'Back',
  start: 'Start now',
  yourAnswers: 'Your answers',
  change: 'Change',
  changeWhich: (prompt) => ` your answer to “${prompt}”`,
  onlyAnswer: 'the only answer here',
  outcome: 'Outcome',
  outcomes: {
    'opt-out': { meaning: 'An official objection or opt-out exists.', short: 'you can object' },
    'no-opt-out': { meaning: 'The content is used and there is no opt-out, only mitigations.', short: 'no opt-out' },
    'not-used': { meaning: 'The company says this content is not used for training.', short: 'not used' },
    limited: { meaning: 'A request route that is not an opt-out, or a situation where the sources disagree.', short: 'limited' },
  },
  whatYouCanDo: 'What you can do',
  caveats: 'Caveats',
  sourcesDisagree: (topic) => `Sources disagree: ${topic}`,
  sources: 'Sources',
  citation: 'source ',
  kinds: {
    primary: 'primary source',
    regulator: 'regulator',
    court: 'court',
    press: 'press',
    guide: 'guide',
    copy: 'seen only in a copy',
  },
  undated: 'undated',
  noAddress: '(no web address)',
  quotedPassages: 'The passages quoted from it',
  passages: (n) => plural(n, 'quoted passage', 'quoted passages'),
  inEnglish: 'In English:',
  quoted: (text) => `“${text}”`,
  seenAt: 'Seen at:',
  reviewed: (title, date) => `${title}: reviewed ${date}.`,
  sameInTerminal: 'Same answer in a terminal:',
  asJson: 'The same answer as JSON',
  indexLead: 'Answer a few questions, only those that matter for you. You get a dated answer: what you can do, step by step, with a source for every statement.',
  several: 'Several apps or kinds of content?',
  makePlan: 'Make one plan for all of them',
  tableCaption: (rows, columns) => `What the answer can be, by ${rows}${columns ? ` and ${columns}` : ''}`,
  tableNote: 'A cell lists every outcome your other answers can lead to. Follow its link for yours.',
  howSourced: 'How the answers are sourced',
  howSourcedText:
    'Every statement cites its sources. Each source is listed with its publisher, date and address, and with the passages the answers rely on, quoted as seen, in the original language and in English. Where sources disagree, the answer says so and cites both sides. The date of the last full review is on every page.',
  readSources: 'Read every source and passage',
  inATerminal: 'In a terminal',
  inATerminalText: 'The same answers, from the same decision tree, on the command line:',
  sourcesTitle: 'Sources',
  sourcesLead: (sources, passages) =>
    `Every source the answers cite, with the passages they rely on, quoted as seen in the original language and in English: ${plural(sources, 'source', 'sources')}, ${plural(passages, 'passage', 'passages')}.`,
  planTitle: 'One plan for all your accounts',
  planLead:
    'Choose several apps and kinds of content at once. The plan gives each different answer once, a step shared by several apps once, and the sources; you can download it as a checklist in Markdown. It is made in your browser: nothing is sent anywhere.',
  planNeedsScript: 'This page needs JavaScript to make the plan in your browser, and JavaScript is off or blocked here.',
  planWithoutScript: 'Without it, find each answer on its own, one app and one kind of content at a time. Every other page works without JavaScript.',
  startFirstQuestion: 'Start with the first question',
  chooseAll: 'Choose all that apply.',
  chooseOne: 'Choose one.',
  continue: 'Continue',
  chooseAtLeastOne: 'Choose at least one answer.',
  error: 'Error: ',
  startAgain: 'Start again',
  noneExists: 'None of the combinations chosen exists in this tree. Choose again.',
  tooMany: 'That makes too many combinations. Choose fewer.',
  yourPlan: (title) => `Your plan: ${title}`,
  planSections: { act: 'What to do', nothing: 'Nothing to do', mitigate: 'No opt-out, only mitigations' },
  planCounts: (combinations, answers) => `${plural(combinations, 'combination', 'combinations')}, ${plural(answers, 'different answer', 'different answers')}.`,
  forWhom: (covers) => `For ${covers}.`,
  onlyFor: (which) => `Only for ${which}: `,
  stepAbove: (n) => `Step ${n} above.`,
  download: 'Download the plan as a Markdown checklist',
  samePlanInTerminal: 'Same plan in a terminal:',
  footer: 'Made with optout-check from a decision tree; no cookies, no tracking, nothing loaded from elsewhere.',
  sourcesLink: 'Sources',
  planLink: 'One plan for several apps',
};

const WORDS: Record<SiteLanguage, SiteWords> = { en };

export const siteWords = (lang: SiteLanguage): SiteWords => WORDS[lang];
