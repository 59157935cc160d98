// Interface labels in translations: Meta's menu names, buttons and screen questions, marked in
// a translated text as [[Widerspruchsrecht]]. A marked label must be found verbatim in a quote,
// in the translation's language, of a source the text cites: labels are copied from sources,
// never translated freely. On screen the marker becomes the language's quotation marks
// („Widerspruchsrecht“), so the marker itself never reaches any output.
import type { Source } from './schema.js';

const MARKER = /\[\[([^[\]]*)\]\]/g;
/** Quotation marks around a marker would be doubled on screen: the marker is shown quoted already. */
const QUOTED_MARKER = /["„“”«»‹›‚‘’'](\[\[[^[\]]*\]\])|(\[\[[^[\]]*\]\])["„“”«»‹›‚‘’']/;
/** Letters, digits, combining marks, and the hyphen of compounds (Chat-Datenschutz). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_-]/u;

/** The labels marked in a text, in order. */
export const markedLabels = (text: string): string[] => [...text.matchAll(MARKER)].map((m) => m[1]!);

/** The text as shown: each [[label]] through `show` (e.g. into „label“). */
export const showLabels = (text: string, show: (label: string) => string): string => text.replace(MARKER, (_, label: string) => show(label));

/** What is wrong with the markers of a text: an unclosed or empty one, or one in quotation marks. */
export function markerProblems(text: string): string[] {
  const problems: string[] = [];
  const rest = text.replace(MARKER, '');
  if (rest.includes('[[') || rest.includes(']]')) problems.push('an interface label marker is not closed: write [[label]]');
  for (const label of markedLabels(text)) {
    if (label.trim() === '') problems.push('an interface label marker is empty: write [[label]]');
    else if (label !== label.trim()) problems.push(`the interface label [[${label}]] starts or ends with a space`);
  }
  const quoted = QUOTED_MARKER.exec(text);
  if (quoted) problems.push(`${quoted[1] ?? quoted[2]} is in quotation marks: leave them out, a marked label is shown quoted`);
  return problems;
}

/**
 * Whether `label` occurs in `passage` exactly (case and all) and as whole words: "Info" is not
 * in "Informationen", nor "Ja" in "Jahre", nor "Hilfebereich" in "Whatsapp-Hilfebereich".
 */
export function occursIn(label: string, passage: string): boolean {
  const first = WORD_CHAR.test(label[0] ?? '');
  const last = WORD_CHAR.test(label.at(-1) ?? '');
  for (let at = passage.indexOf(label); at >= 0; at = passage.indexOf(label, at + 1)) {
    const before = passage[at - 1];
    const after = passage[at + label.length];
    if ((!first || before === undefined || !WORD_CHAR.test(before)) && (!last || after === undefined || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

/** de-CH quotes serve a de translation, and the other way round: the primary language decides. */
const primary = (lang: string) => lang.split('-')[0]!.toLowerCase();

/**
 * The most characters of quotes that one catalogue's labels may make the check read: a real tree
 * needs a few million (600 texts, a label or two each, a few kilobytes of cited quotes), and a
 * catalogue from a stranger must not make it read 8 MiB of quotes for each of a million labels.
 */
export const LABEL_WORK_LIMIT = 50_000_000;

/**
 * Finds labels in the quotes in `lang` that a text cites; with no `cites` (a question, a title),
 * in any source of the tree. Answers true or false, or undefined once `limit` characters have
 * been read: the label is then not checked. A label is looked up once per set of sources.
 */
export function labelFinder(sources: Readonly<Record<string, Source>>, lang: string, limit = LABEL_WORK_LIMIT): (label: string, cites?: readonly string[]) => boolean | undefined {
  const passages = new Map<string, string>();
  const found = new Map<string, boolean>();
  let left = limit;
  return (label, cites) => {
    const key = cites ? [...new Set(cites)].sort().join(' ') : '*';
    let text = passages.get(key);
    if (text === undefined) {
      // One string, passages apart on lines of their own: a line break ends a word.
      text = (cites ?? Object.keys(sources))
        .flatMap((id) => (Object.hasOwn(sources, id) ? (sources[id]!.quotes ?? []) : []))
        .filter((quote) => quote.lang !== undefined && primary(quote.lang) === primary(lang))
        .map((quote) => quote.text)
        .join('\n');
      passages.set(key, text);
    }
    const known = found.get(`${key}\n${label}`);
    if (known !== undefined) return known;
    if ((left -= text.length) < 0) return undefined;
    const result = occursIn(label, text);
    found.set(`${key}\n${label}`, result);
    return result;
  };
}
