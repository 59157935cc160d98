// The verdict for people, short first: headline coloured by outcome, summary and the numbered
// steps with [n] citations; then caveats, disputes, the explanation, sources and the review date.
// Lines are not wrapped here: layout.ts fits them to a terminal, and pipes get them whole.
import type { ChalkInstance } from 'chalk';
import type { ExplainedStep } from '../core/explain.js';
import type { Outcome, Quote, Source } from '../core/schema.js';
import { reproduceFlags, type Report } from '../core/report.js';
import { safeLine, withSafeText } from '../core/safe-text.js';
import { paint } from '../terminal/colour.js';
import { listed, type Words } from '../words.js';
import { citeNumbers } from './citations.js';
import { sourceLine } from './source-line.js';

export const HEADLINE: Record<Outcome, 'green' | 'red' | 'cyan' | 'yellow'> = {
  'opt-out': 'green',
  'no-opt-out': 'red',
  'not-used': 'cyan',
  limited: 'yellow',
};

/** `command` is how the person ran the tool, e.g. `optout-check --tree ./my.yaml`, for the reproduce line. */
export function renderText(untrusted: Report, untrustedCommand: string, colour: boolean, words: Words): string {
  // Every string from the tree or the command line, made safe once, before colours are added.
  const [report, command] = withSafeText([untrusted, untrustedCommand] as const);
  const chalk = paint(colour);
  const { verdict, tree } = report;
  const number = new Map(report.sources.map((source, i) => [source.id, i + 1]));
  const cite = (ids: string[]) => chalk.dim(citeNumbers(ids.map((id) => number.get(id)!)));
  const out: string[] = [];

  out.push(chalk.bold[HEADLINE[verdict.outcome]](`${verdict.title} (${verdict.outcome})`));
  out.push(`${verdict.summary} ${cite(verdict.sources)}`, '');

  out.push(chalk.bold(words.say('verdict.what-you-can-do')));
  verdict.steps.forEach((step, i) => {
    out.push(`  ${i + 1}. ${step.text} ${cite(step.sources)}`);
    if (step.url) out.push(`     ${chalk.underline(step.url)}`);
  });

  if (verdict.caveats?.length) {
    out.push('', chalk.bold(words.say('verdict.caveats')));
    for (const caveat of verdict.caveats) out.push(`  - ${caveat.text} ${cite(caveat.sources)}`);
  }

  for (const dispute of verdict.disputed ?? []) {
    out.push('', chalk.bold(words.say('verdict.disputed', { topic: dispute.topic })));
    for (const side of dispute.sides) out.push(`  - ${side.claim} ${cite(side.sources)}`);
  }

  // A loop, not push(...lines): spreading a long list into a call overflows the stack.
  if (report.explanation) for (const line of ['', ...renderExplanation(report, chalk, words)]) out.push(line);

  // Before the sources, so that a reader who quits the pager there has seen it. One line: a newline
  // in the tree's text must not start a line of its own (safe-text.ts escapes it).
  out.push('', chalk.dim(words.say('verdict.reproduce', { reviewed: tree.reviewed, command: `${command} ${reproduceFlags(report)}` })));
  // A loop, not a spread: with --explain the list holds every quote, and a spread of many overflows the stack.
  for (const line of sourceList(report.sources, chalk, words, report.explanation ? quotesOf : undefined)) out.push(line);
  return `${out.join('\n')}\n`;
}

/**
 * The sources, numbered as cited. Compact (the default): one line that says where they are, so that
 * the verdict stays short enough to take in. With `details`: one per line in full (publisher,
 * title, date, kind, address), each followed by the lines `details` gives, e.g. the passages quoted.
 */
export function sourceList(sources: readonly Source[], chalk: ChalkInstance, words: Words, details?: (source: Source, words: Words) => string[]): string[] {
  const heading = words.say('sources.heading');
  if (details) return [chalk.bold(heading), ...sources.flatMap((source, i) => [`  [${i + 1}] ${sourceLine(source, words)}`, ...details(source, words)])];
  return [words.say('sources.compact', { sources: chalk.bold(`${heading} ${citeNumbers(sources.map((_, i) => i + 1))}`) })];
}

/** The passages a source is quoted for, under its line in the full list, and when they were last found at its address. */
export const quotesOf = (source: Source, words: Words): string[] => [
  ...(source.quotes ?? []).map((quote) => `      ${quoteLine(quote, words)}`),
  ...(source.checked ? [`      ${words.say('sources.checked', { date: source.checked })}`] : []),
];

/** A quote as seen, with its English rendering and where it was seen, if not at the source's address. */
function quoteLine(quote: Quote, words: Words): string {
  const { text, lang, en: english } = quote;
  const line = lang ? words.say(english ? 'sources.quote-english' : 'sources.quote-lang', { text, lang, english: english ?? '' }) : words.say('sources.quote', { text });
  return quote.seen ? words.say('sources.quote-seen', { quote: line, seen: quote.seen }) : line;
}

function renderExplanation(report: Report, chalk: ChalkInstance, words: Words): string[] {
  const { steps, alternatives } = report.explanation!;
  const or = (items: string[]) => listed(words, 'list.or', items);
  const lines = [chalk.bold(words.say('explain.decided'))];
  for (const step of steps) lines.push(`  - --${step.ask} ${step.answer}, ${step.label}: ${decided(step, words)}.`);
  lines.push('', chalk.bold(words.say('explain.would-change')));
  if (alternatives.length === 0) lines.push(`  ${words.say('explain.no-change')}`);
  for (const alt of alternatives) {
    const outcomes = alt.outcomes.length > 1 ? words.say('explain.depending', { outcomes: or(alt.outcomes) }) : or(alt.outcomes);
    lines.push(`  - --${alt.ask} ${alt.answer}, ${alt.label} → ${outcomes}`);
  }
  return lines;
}

/** What one answer ruled out or settled, and which of the verdict's items it chose. */
function decided(step: ExplainedStep, words: Words): string {
  const or = (items: string[]) => listed(words, 'list.or', items);
  const parts: string[] = step.auto ? [words.say('explain.only-answer')] : [];
  const [only = ''] = step.possible;
  if (step.ruledOut.length === 0) parts.push(step.possible.length === 1 ? words.say('explain.already', { outcome: only }) : words.say('explain.ruled-out-none'));
  else if (step.possible.length === 1) parts.push(words.say('explain.settled', { outcome: only, 'ruled-out': or(step.ruledOut) }));
  else parts.push(words.say('explain.ruled-out', { 'ruled-out': or(step.ruledOut), possible: or(step.possible) }));
  if (step.kept + step.leftOut > 0) parts.push(words.say('explain.chose', { count: step.kept, 'left-out': step.leftOut }));
  return parts.join('; ');
}
