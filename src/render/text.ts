// The verdict for people, short first: headline coloured by outcome, summary and the numbered
// steps with [n] citations; then caveats, disputes, the explanation, sources and the review date.
// Lines are not wrapped here: layout.ts fits them to a terminal, and pipes get them whole.
import type { ChalkInstance } from 'chalk';
import type { ExplainedStep } from '../core/explain.js';
import type { Outcome, Quote, Source } from '../core/schema.js';
import { reproduceFlags, type Report } from '../core/report.js';
import { safeLine, withSafeText } from '../core/safe-text.js';
import { paint } from '../terminal/colour.js';
import { citeNumbers } from './citations.js';

export const HEADLINE: Record<Outcome, 'green' | 'red' | 'cyan' | 'yellow'> = {
  'opt-out': 'green',
  'no-opt-out': 'red',
  'not-used': 'cyan',
  limited: 'yellow',
};

/** `command` is how the person ran the tool, e.g. `optout-check --tree ./my.yaml`, for the reproduce line. */
export function renderText(untrusted: Report, untrustedCommand: string, colour: boolean): string {
  // Every string from the tree or the command line, made safe once, before colours are added.
  const [report, command] = withSafeText([untrusted, untrustedCommand] as const);
  const chalk = paint(colour);
  const { verdict, tree } = report;
  const number = new Map(report.sources.map((source, i) => [source.id, i + 1]));
  const cite = (ids: string[]) => chalk.dim(citeNumbers(ids.map((id) => number.get(id)!)));
  const out: string[] = [];

  out.push(chalk.bold[HEADLINE[verdict.outcome]](`${verdict.title} (${verdict.outcome})`));
  out.push(`${verdict.summary} ${cite(verdict.sources)}`, '');

  out.push(chalk.bold('What you can do'));
  verdict.steps.forEach((step, i) => {
    out.push(`  ${i + 1}. ${step.text} ${cite(step.sources)}`);
    if (step.url) out.push(`     ${chalk.underline(step.url)}`);
  });

  if (verdict.caveats?.length) {
    out.push('', chalk.bold('Caveats'));
    for (const caveat of verdict.caveats) out.push(`  - ${caveat.text} ${cite(caveat.sources)}`);
  }

  for (const dispute of verdict.disputed ?? []) {
    out.push('', chalk.bold(`Sources disagree: ${dispute.topic}`));
    for (const side of dispute.sides) out.push(`  - ${side.claim} ${cite(side.sources)}`);
  }

  // A loop, not push(...lines): spreading a long list into a call overflows the stack.
  if (report.explanation) for (const line of ['', ...renderExplanation(report, chalk)]) out.push(line);

  // Before the sources, so that a reader who quits the pager there has seen it. One line: a newline
  // in the tree's text must not start a line of its own (safe-text.ts escapes it).
  out.push('', chalk.dim(`Reviewed ${tree.reviewed}. Same answer in a script: ${command} ${reproduceFlags(report)}`));
  // A loop, not a spread: with --explain the list holds every quote, and a spread of many overflows the stack.
  for (const line of sourceList(report.sources, chalk, report.explanation ? quotesOf : undefined)) out.push(line);
  return `${out.join('\n')}\n`;
}

/** `note` is for reviewers (it stays in --json); readers get the address or are told there is none. */
export const sourceLine = (source: Source): string =>
  `${source.publisher}, "${source.title}", ${source.published} (${source.kind}). ${source.url ?? '(no web address)'}`;

/**
 * The sources, numbered as cited. Compact (the default): one line that says where they are, so that
 * the verdict stays short enough to take in. With `details`: one per line in full (publisher,
 * title, date, kind, address), each followed by the lines `details` gives, e.g. the passages quoted.
 */
export function sourceList(sources: readonly Source[], chalk: ChalkInstance, details?: (source: Source) => string[]): string[] {
  if (details) return [chalk.bold('Sources'), ...sources.flatMap((source, i) => [`  [${i + 1}] ${sourceLine(source)}`, ...details(source)])];
  return [`${chalk.bold(`Sources ${citeNumbers(sources.map((_, i) => i + 1))}`)}: in full, with the passages quoted, with --explain.`];
}

/** The passages a source is quoted for, under its line in the full list, and when they were last found at its address. */
export const quotesOf = (source: Source): string[] => [
  ...(source.quotes ?? []).map((quote) => `      ${quoteLine(quote)}`),
  ...(source.checked ? [`      (quotes last found at the address on ${source.checked})`] : []),
];

/** A quote as seen, with its English rendering and where it was seen, if not at the source's address. */
const quoteLine = (quote: Quote): string =>
  `“${quote.text}”${quote.lang ? ` (${quote.lang}${quote.en ? `; in English: “${quote.en}”` : ''})` : ''}${quote.seen ? ` (seen: ${quote.seen})` : ''}`;

function renderExplanation(report: Report, chalk: ChalkInstance): string[] {
  const { steps, alternatives } = report.explanation!;
  const lines = [chalk.bold('What each answer decided')];
  for (const step of steps) lines.push(`  - --${step.ask} ${step.answer}, ${step.label}: ${decided(step)}.`);
  lines.push('', chalk.bold('What would change the answer'));
  if (alternatives.length === 0) lines.push('  No other single answer changes the outcome.');
  for (const alt of alternatives) {
    const depending = alt.outcomes.length > 1 ? ', depending on further answers' : '';
    lines.push(`  - --${alt.ask} ${alt.answer}, ${alt.label} → ${or(alt.outcomes)}${depending}`);
  }
  return lines;
}

const or = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** What one answer ruled out or settled, and which of the verdict's items it chose. */
function decided(step: ExplainedStep): string {
  const parts: string[] = step.auto ? ['the only answer here'] : [];
  const [only] = step.possible;
  if (step.ruledOut.length === 0) parts.push(step.possible.length === 1 ? `the outcome was already ${only}` : 'ruled out no outcome by itself');
  else if (step.possible.length === 1) parts.push(`settled ${only}, ruling out ${or(step.ruledOut)}`);
  else parts.push(`ruled out ${or(step.ruledOut)}, leaving ${or(step.possible)}`);
  if (step.kept + step.leftOut > 0) {
    parts.push(`chose ${count(step.kept, 'item')} of this verdict for this answer and left out ${step.leftOut} for other answers`);
  }
  return parts.join('; ');
}
