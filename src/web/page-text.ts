// The words of a fetched page, as a reader sees them: the charset decoded (from a byte-order mark,
// Content-Type or the page's meta tag), the HTML parsed by htmlparser2 with entities decoded, and
// scripts, styles and navigation dropped. A PDF or another kind of file is not read.
import { Parser } from 'htmlparser2';
import type { FetchedPage } from './fetch-page.js';

export type PageText = { text: string; title: string } | { unreadable: string };

/** Elements whose content a reader does not see as the page's text. */
const DROPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'iframe', 'object', 'canvas']);

/** Elements that run on within a line; every other element separates words. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

const MIB = 1024 * 1024;

export function pageText(page: FetchedPage, maxBytes: number): PageText {
  if (page.tooLarge) return { unreadable: `larger than ${maxBytes / MIB} MiB` };
  const body = page.body ?? new Uint8Array();
  const type = (page.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf' || startsWith(body, '%PDF-')) return { unreadable: 'PDF' };
  if (type === 'text/plain') {
    const text = decode(body, page.contentType, false);
    return { text, title: '' };
  }
  const html = type === 'text/html' || type === 'application/xhtml+xml' || (type === '' && /^\s*</.test(latin1(body.subarray(0, 512))));
  if (!html) return { unreadable: `not a page: ${type}` };
  return htmlText(decode(body, page.contentType, true));
}

export function htmlText(html: string): { text: string; title: string } {
  const words: string[] = [];
  let title = '';
  // Per open element, whether it hides its content; `hidden` counts those open.
  const open: boolean[] = [];
  let hidden = 0;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const drops = DROPPED.has(name) || attributes.role === 'navigation';
        open.push(drops);
        if (drops) hidden++;
        if (name === 'title') inTitle = true;
        if (!INLINE.has(name)) words.push(' ');
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (hidden === 0) words.push(text);
      },
      onclosetag(name) {
        if (open.pop()) hidden--;
        if (name === 'title') inTitle = false;
        if (!INLINE.has(name)) words.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text: words.join(''), title: title.trim() };
}

/**
 * The text of `body`, in the charset named by its byte-order mark, else by Content-Type, else (for
 * HTML) by a meta tag in its first 1024 bytes, else UTF-8. ISO-8859-1 is read as windows-1252, as
 * browsers do.
 */
export function decode(body: Uint8Array, contentType: string | undefined, html: boolean): string {
  const label = bomCharset(body) ?? charsetOf(contentType) ?? (html ? metaCharset(body) : undefined) ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // A label no decoder knows.
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(body);
  // Node 20's windows-1252 decoder reads 0x80-0x9f as C1 controls, as ISO-8859-1 would.
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]!) : text;
}

/** What windows-1252 has at 0x80-0x9f (the WHATWG Encoding Standard's index), where ISO-8859-1 has controls. */
const WINDOWS_1252 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

function bomCharset(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

const charsetOf = (contentType: string | undefined): string | undefined => /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];

/** `<meta charset=…>` or `<meta http-equiv="content-type" content="…; charset=…">`, read as browsers pre-scan it. */
function metaCharset(body: Uint8Array): string | undefined {
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found !== undefined || name !== 'meta') return;
      if (attributes.charset) found = attributes.charset.trim();
      else if (attributes['http-equiv']?.toLowerCase() === 'content-type') found = charsetOf(attributes.content);
    },
  });
  parser.write(latin1(body.subarray(0, 1024)));
  parser.end();
  // A page cannot be UTF-16 if its meta tag could be read as ASCII.
  return found && /^utf-16/i.test(found) ? 'utf-8' : found;
}

const latin1 = (bytes: Uint8Array): string => new TextDecoder('windows-1252').decode(bytes);

const startsWith = (bytes: Uint8Array, ascii: string): boolean => latin1(bytes.subarray(0, ascii.length)) === ascii;
