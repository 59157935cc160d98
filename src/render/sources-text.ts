// `sources check` for people: a summary, then the addresses grouped by status, worst first, each
// with why, where it led, and each quote not found as it is quoted and as the page words it now.
// Tree text and web pages are untrusted: every line is made safe where it is written.
import { byStatus, movedTo, statusOf, STATUS_MEANING, tally, type AddressCheck, type DiffPart, type QuoteCheck, type SourcesReport } from '../core/freshness.js';
import { safeLine } from '../core/safe-text.js';

export function renderSourcesText(report: SourcesReport): string {
  const { tree, checks, unaddressed } = report;
  const out: string[] = [summaryLine(report), ''];
  for (const [status, group] of byStatus(checks)) {
    out.push(`${status.toUpperCase()} (${group.length}): ${STATUS_MEANING[status]}`);
    for (const check of group) {
      out.push(`  ${check.sourceId}  ${check.url}`);
      out.push(...details(check, (index) => tree.sources[check.sourceId]!.quotes![index]!.text).map((line) => `    ${line}`));
    }
    out.push('');
  }
  if (unaddressed.length > 0) out.push(`No web address, so not checked: ${unaddressed.join(', ')}.`);
  return `${out.map(safeLine).join('\n').trimEnd()}\n`;
}

/** "Meta AI training opt-out (meta-ai-training), 2026-12-03: 150 addresses of 115 sources checked. 3 need a person; 2 warnings; 145 ok." */
export function summaryLine({ tree, date, checks }: SourcesReport): string {
  const { needPerson, warnings, ok } = tally(checks);
  const sources = new Set(checks.map((c) => c.sourceId)).size;
  const head = `${tree.title} (${tree.id}), ${date}: ${checks.length} addresses of ${sources} sources checked`;
  const people = needPerson === 0 ? 'None needs a person' : `${needPerson} ${needPerson === 1 ? 'needs' : 'need'} a person`;
  return `${head}. ${people}; ${warnings} warning${warnings === 1 ? '' : 's'}; ${ok} ok.`;
}

/** Why a check has its status, where it led, and the quotes not found; in plain words, one per line. */
function details(check: AddressCheck, quoteText: (index: number) => string): string[] {
  const lines: string[] = [];
  const why = reason(check);
  if (why) lines.push(why);
  if (check.redirects.length > 0) lines.push(`redirected: ${check.redirects.map((r) => `${r.status} → ${r.to}`).join(', ')}`);
  const target = movedTo(check);
  if (target && statusOf(check) === 'moved') lines.push(`new address: ${target}`);
  if (check.archive) lines.push(`archived: ${check.archive}`);
  for (const quote of check.quotes) if (quote.status !== 'found') lines.push(...quoteLines(quote, quoteText(quote.index)));
  return lines;
}

export function reason(check: AddressCheck): string | undefined {
  const status = statusOf(check);
  if (check.failure !== undefined) return check.failure;
  if (status === 'gone' || status === 'blocked' || status === 'unreachable') {
    return check.httpStatus !== undefined && check.httpStatus >= 400 ? `HTTP ${check.httpStatus}` : check.wall;
  }
  return status === 'not-checked' ? check.unreadable : undefined;
}

function quoteLines(quote: QuoteCheck, quoted: string): string[] {
  const text = oneLine(quoted);
  if (quote.status === 'missing') return [`missing: “${text}”`];
  return [`changed (${percent(quote.similarity!)} alike): “${text}”`, `  now: “${quote.now}”`, `  difference: ${wordDiff(quote.difference!)}`];
}

export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const percent = (similarity: number): string => `${Math.round(similarity * 100)}%`;

/** As git's --word-diff shows it: [-removed-]{+added+}. */
export const wordDiff = (parts: DiffPart[]): string =>
  parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
