// The pseudo-language qps (npm run i18n -- pseudo qps: every word of the tool and every text of the
// built-in tree as accented English, "Whéré dó ýóú lívé?") in a copy of the build. Whatever plain
// English is left in its output did not go through a catalogue, unless it is what stays as it is in
// every language: flags, answer values, outcomes, command lines, addresses, and the sources' own
// publishers, titles and quoted passages.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { i18n } from '../src/build/i18n.js';
import { answerKeys } from '../src/core/answers.js';
import { OUTCOMES, type Tree } from '../src/core/schema.js';
import { ROOT } from './helpers.js';

/** A copy of the build (bin/ and dist/) that also speaks qps; returns its binary. */
export async function pseudoBuild(): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), 'optout-check-qps-'));
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  const code = await i18n(ROOT, ['pseudo', 'qps', '--dist', join(copy, 'dist')], () => {});
  if (code !== 0) throw new Error(`npm run i18n -- pseudo qps exited ${code}`);
  return join(copy, 'bin/optout-check.cjs');
}

/** The built-in tree, in English. */
export const builtinTree = (): Tree => (JSON.parse(readFileSync(join(ROOT, 'dist/trees.json'), 'utf8')) as Tree[])[0]!;

/**
 * The words of `output` that are plain English (letters a to z with a vowel unaccented), once each,
 * after taking out what is the same in every language. `tree`: the tree the output is about (its
 * sources' texts, answer keys and values are its own); `english`: phrases that are English here on
 * purpose, such as the title of a tree that is not translated.
 */
export function plainEnglish(output: string, tree: Tree, english: readonly string[] = []): string[] {
  const sourceTexts = Object.values(tree.sources).flatMap((source) => [
    source.publisher,
    source.title,
    ...(source.quotes ?? []).flatMap((quote) => [quote.text, quote.en ?? '', quote.seen ?? '']),
  ]);
  // Addresses first, in the passages too (where a publisher's name may be part of one).
  const withoutAddresses = (text: string) => text.replace(/https?:\/\/\S+/g, ' ');
  let text = withoutAddresses(output);
  // Longest first, so that a passage is not cut by a shorter one inside it.
  const phrases = [...sourceTexts, ...english].map(withoutAddresses).filter((p) => p.trim().length > 0);
  for (const phrase of phrases.sort((a, b) => b.length - a.length)) text = text.replaceAll(phrase, ' ');
  text = text
    // A command line (the "same answer in a script" line, Markdown's "made with"): flags and values.
    .replace(/optout-check[^\n`]*/g, ' ')
    .replace(/--[a-z0-9][a-z0-9-]*/g, ' ');
  const languages = Object.values(tree.sources).flatMap((source) => (source.quotes ?? []).flatMap((quote) => quote.lang ?? []));
  const kept = new Set<string>([tree.id, ...OUTCOMES, ...languages, ...answerKeys(tree).flatMap(({ key, values }) => [key, ...values])]);
  const words = text.match(/[A-Za-z][A-Za-z-]*[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((word) => /[aeiouy]/i.test(word) && !kept.has(word)))];
}
