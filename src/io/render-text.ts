// The verdict for people: headline coloured by outcome, summary, numbered steps with [n]
// citations, caveats, disputes, sources and the review date.
import type { ChalkInstance } from 'chalk';
import type { Outcome } from '../core/schema.js';
import { reproduceFlags, type Report } from '../core/report.js';
import { withSafeText } from '../core/safe-text.js';
import { paint } from './colour.js';

const HEADLINE: Record<Outcome, 'green' | 'red' | 'cyan' | 'yellow'> = {
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
  const cite = (ids: string[]) => chalk.dim(ids.map((id) => `[${number.get(id)}]`).join(''));
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

  if (report.explanation) out.push('', ...renderExplanation(report, chalk));

  out.push('', chalk.bold('Sources'));
  report.sources.forEach((source, i) => {
    // `note` is for reviewers (it stays in --json); readers get the address or say there is none.
    const where = source.url ?? '(no web address)';
    out.push(`  [${i + 1}] ${source.publisher}, "${source.title}", ${source.published} (${source.kind}). ${where}`);
  });

  out.push('', chalk.dim(`${tree.title}: reviewed ${tree.reviewed}. Same answer in a script: ${command} ${reproduceFlags(report)}`));
  return `${out.join('\n')}\n`;
}

function renderExplanation(report: Report, chalk: ChalkInstance): string[] {
  const { steps, alternatives } = report.explanation!;
  const lines = [chalk.bold('Why this answer')];
  for (const step of steps) {
    const led = step.led.kind === 'verdict' ? `led to the verdict "${step.led.text}"` : `led to the question "${step.led.text}"`;
    lines.push(`  - ${step.prompt} You answered ${step.label} (--${step.ask} ${step.answer}), which ${led}.`);
  }
  lines.push('', chalk.bold('What would change the answer'));
  if (alternatives.length === 0) lines.push('  No other single answer changes the outcome.');
  for (const alt of alternatives) {
    lines.push(`  - If --${alt.ask} were ${alt.answer} (${alt.label}) → ${alt.outcomes.join(' or ')}${alt.outcomes.length > 1 ? ', depending on further answers' : ''}`);
  }
  return lines;
}
