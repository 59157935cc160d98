// Tree text in Markdown, for every Markdown output (plan --format markdown, matrix --format
// markdown): untrusted text is kept on one line and its Markdown syntax escaped, so a title cannot
// start a heading, forge a table row or a link, or carry HTML. Unsafe characters are escaped first
// (safe-text.ts), as in every output.
import { safeText } from '../core/safe-text.js';

/** Text as literal Markdown: one line, with the characters that would start markup escaped. */
export const md = (text: string): string =>
  safeText(text).replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|#]/g, '\\$&');

/** An autolink; the schema allows no spaces in a url, and angle brackets would end the link. */
export const link = (url: string): string => `<${safeText(url).replaceAll('<', '%3C').replaceAll('>', '%3E')}>`;

/** A code span that holds `text` whatever backticks it has: fenced by a longer run of them (CommonMark). */
export function code(text: string): string {
  const line = safeText(text).replace(/\s+/g, ' ');
  const longest = (line.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
