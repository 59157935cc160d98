// The one place where text becomes HTML. Pages are written with the `html` template: every value
// put into it is escaped, unless it is markup the same template made. So a tree's text (written
// by strangers) reaches a page as text, never as markup or script, and no call site can forget.
// Links to the outside go through `externalLink`, which lets only http(s) addresses through.
import { safeText } from '../core/safe-text.js';

/** Markup made by `html`: safe to put into more markup as it is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type Content = string | number | Html | null | undefined | false | readonly Content[];

const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML text or as a quoted attribute value: markup escaped, and control, invisible and
 * reordering characters shown as their codes (`\x1b`, `\u202e`), by the policy of every output (safe-text.ts).
 */
export const escapeHtml = (text: string): string => safeText(text).replace(/[&<>"']/g, (c) => MARKUP[c]!);

const render = (content: Content): string => {
  if (content instanceof Html) return content.markup;
  if (Array.isArray(content)) return content.map(render).join('');
  if (content === null || content === undefined || content === false) return '';
  return escapeHtml(String(content));
};

/** The template: `html\`<p>${text}</p>\``. Values are escaped; lists are joined; null, undefined and false are left out. */
export function html(strings: TemplateStringsArray, ...values: Content[]): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => (markup += render(value) + strings[i + 1]!));
  return new Html(markup);
}

/**
 * An address a page may link to: http or https, with no credentials, as the URL parser writes it
 * (a host in punycode, so that a look-alike letter shows); anything else is refused.
 */
export function webAddress(url: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return !parsed.username && !parsed.password ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link to a page outside the site, as a plain link that sends no referrer and gives the page no
 * handle on this one; an address that is not http(s) is shown as text, not linked.
 */
export function externalLink(url: string, text?: Content): Html {
  const address = webAddress(url);
  if (address === undefined) return html`${text ?? url}`;
  return html`<a href="${address}" rel="noopener noreferrer">${text ?? address}</a>`;
}

/** Free text with the http(s) addresses in it linked (a passage's `seen`: an address, then a remark). */
export function withLinks(text: string): Html {
  const parts: Content[] = [];
  let from = 0;
  for (const match of text.matchAll(/https?:\/\/\S+/gi)) {
    // Punctuation after an address belongs to the sentence around it.
    const url = match[0].replace(/[.,;:!?)"'”’]+$/, '');
    parts.push(text.slice(from, match.index), externalLink(url));
    from = match.index + url.length;
  }
  parts.push(text.slice(from));
  return html`${parts}`;
}

/**
 * Data for a page's script, in a `<script type="application/json">` block, which the browser
 * never decodes as HTML: JSON, with `<`, `>` and `&` written as \u escapes so that no text in it
 * can close the block, and so are the characters that act unseen, as everywhere on the page.
 */
export const scriptData = (value: unknown): Html => new Html(JSON.stringify(value).replace(/[<>&\u007f-\u009f\p{Cf}\u2028\u2029]/gu, jsonEscape));

/** A character as JSON's \u escapes: one per UTF-16 code unit (two outside the Basic Multilingual Plane). */
const jsonEscape = (c: string): string =>
  c.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
