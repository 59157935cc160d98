// `sources check --format markdown`: the same report as the text, to paste as a GitHub issue body.
// Tree text and web pages are untrusted: escaped as plan-markdown.ts escapes, each line made safe.
import { byStatus, movedTo, statusOf, STATUS_MEANING, type AddressCheck, type SourcesReport } from '../core/freshness.js';
import { safeLine } from '../core/safe-text.js';
import { link, md } from './markdown.js';
import { oneLine, percent, reason, summaryLine, wordDiff } from './sources-text.js';

export function renderSourcesMarkdown(report: SourcesReport): string {
  const { tree, checks, unaddressed } = report;
  const out: string[] = [`## Source check: ${md(tree.title)}`, '', md(summaryLine(report))];
  for (const [status, group] of byStatus(checks)) {
    const heading = `${status === 'ok' ? 'OK' : capitalised(status.replace('-', ' '))} (${group.length}): ${STATUS_MEANING[status]}`;
    // The addresses that need nothing are folded away.
    if (status === 'ok') out.push('', `<details><summary>${md(heading)}</summary>`, '');
    else out.push('', `### ${md(heading)}`, '');
    for (const check of group) out.push(`- **${md(check.sourceId)}** ${link(check.url)}`, ...details(check, report).map((item) => `  ${item}`));
    if (status === 'ok') out.push('', '</details>');
  }
  if (unaddressed.length > 0) out.push('', `No web address, so not checked: ${unaddressed.map(md).join(', ')}.`);
  return `${out.map(safeLine).join('\n')}\n`;
}

/** The list items under an address: why, where it led, the quotes not found. */
function details(check: AddressCheck, { tree }: SourcesReport): string[] {
  const items: string[] = [];
  const why = reason(check);
  if (why) items.push(`- ${md(capitalised(why))}`);
  if (check.redirects.length > 0) items.push(`- Redirected: ${check.redirects.map((r) => `${r.status} → ${link(r.to)}`).join(', ')}`);
  const target = movedTo(check);
  if (target && statusOf(check) === 'moved') items.push(`- New address: ${link(target)}`);
  if (check.archive) items.push(`- Archived: ${link(check.archive)}`);
  for (const quote of check.quotes) {
    const text = md(`“${oneLine(tree.sources[check.sourceId]!.quotes![quote.index]!.text)}”`);
    if (quote.status === 'missing') items.push(`- Missing: ${text}`);
    if (quote.status === 'changed') {
      items.push(`- Changed (${percent(quote.similarity!)} alike): ${text}`, `  - Now: ${md(`“${quote.now}”`)}`, `  - Difference: ${code(wordDiff(quote.difference!))}`);
    }
  }
  return items;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A code span, whatever backticks the text holds: its fence is longer than any run of them inside. */
function code(text: string): string {
  const inside = oneLine(text);
  const longest = (inside.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${inside} ${fence}`;
}
