// `npm run i18n`: the translators' tool (README, "Translating a tree, or adding a language").
//   status <lang> [--words | --tree <id|file>]   every text not translated, stale or failing a check,
//                                                with its English and hash
//   update <lang> [--words | --tree <id|file>]   writes each catalogue's skeleton: the translations kept,
//                                                moved to their texts' current keys, and an entry to fill
//                                                in for every other text, the English above it
//   pseudo <lang> [--dist <dir>]                 fills what <dir>/lang/<lang>.json lacks with accented
//                                                English: for the bench, and to spot any output that does
//                                                not go through a catalogue
// By default: the tool's words (locales/<lang>.yaml) and every built-in tree; --words: the words only.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Document, type Pair, type YAMLMap } from 'yaml';
import { englishText, matchCatalogue, type Catalogue, type Entry, type Message } from '../core/catalogue.js';
import { normaliseTag } from '../core/language.js';
import type { Tree } from '../core/schema.js';
import { mapTexts } from '../core/translatable.js';
import { formatLocated } from '../errors.js';
import { catalogueLanguage, parseCatalogue, treeSubject, wordsSubject, type Subject } from '../load/catalogue-file.js';
import { translatedParts, type LanguageFile } from '../load/language.js';
import { parseTree } from '../load/tree-file.js';
import { ENGLISH, type WordKey } from '../words.js';

interface Target {
  /** The catalogue file, relative to the project (or as given). */
  file: string;
  /** What it translates, for people: "the tool's own words", "trees/small.yaml". */
  what: string;
  subject: Subject;
}

const USAGE = 'usage: npm run i18n -- status|update <lang> [--words | --tree <id|file>] | pseudo <lang> [--dist <dir>]';

export async function i18n(root: string, args: string[], print: (line: string) => void): Promise<number> {
  const [command, rawLang, ...rest] = args;
  const lang = rawLang === undefined ? undefined : normaliseTag(rawLang);
  const option = (name: string) => (rest[0] === name && rest[1] !== undefined && rest.length === 2 ? rest[1] : undefined);
  const words = rest.length === 1 && rest[0] === '--words';
  const options = command === 'pseudo' ? option('--dist') : words || option('--tree');
  if (!lang || lang === 'en' || !['status', 'update', 'pseudo'].includes(command!) || (rest.length > 0 && !options)) {
    print(USAGE);
    return 2;
  }
  if (command === 'pseudo') return pseudo(resolve(root, option('--dist') ?? 'dist'), lang, print);
  const targets = await targetsOf(root, lang, words ? 'words' : option('--tree'));
  let problems = 0;
  for (const target of targets) {
    const path = join(root, target.file);
    const source = existsSync(path) ? await readFile(path, 'utf8') : undefined;
    if (command === 'status') problems += status(target, source, lang, print);
    else await update(target, path, source, lang, print);
  }
  return command === 'status' && problems > 0 ? 1 : 0;
}

/** `only`: 'words', a tree id or a tree file; undefined for the words and every built-in tree. */
async function targetsOf(root: string, lang: string, only: string | undefined): Promise<Target[]> {
  const treeTarget = async (treeFile: string): Promise<Target> => {
    const parsed = parseTree(await readFile(join(root, treeFile), 'utf8'), treeFile);
    if (!parsed.tree) throw new Error(`${treeFile} is not a valid tree: run optout-check validate ${treeFile}`);
    const file = join(dirname(treeFile), `${basename(treeFile).replace(/\.(ya?ml|json)$/, '')}.${lang}.yaml`);
    return { file, what: treeFile, subject: treeSubject(parsed.tree) };
  };
  const words: Target = { file: `locales/${lang}.yaml`, what: "the tool's own words (src/words.ts)", subject: wordsSubject() };
  if (only === 'words') return [words];
  if (only !== undefined) return [await treeTarget(/[\\/]|\.(ya?ml|json)$/.test(only) ? relative(root, only) : `trees/${only}.yaml`)];
  const trees = (await readdir(join(root, 'trees'))).filter((name) => name.endsWith('.yaml') && catalogueLanguage(name) === undefined).sort();
  return [words, ...(await Promise.all(trees.map((name) => treeTarget(`trees/${name}`))))];
}

/** Prints what is left to do in one catalogue; returns how many problems it has. */
function status(target: Target, source: string | undefined, lang: string, print: (line: string) => void): number {
  const { texts } = target.subject;
  if (source === undefined) {
    print(`${target.file}: no catalogue yet for ${target.what}: ${texts.length} texts to translate (npm run i18n -- update ${lang} writes it)`);
    return texts.length;
  }
  const { value, problems } = parseCatalogue(source, target.file, target.subject);
  const english = new Map(texts.map((t) => [t.key, t.english]));
  const keep = new Set(value?.catalogue.keep ?? []);
  const translated = texts.filter((t) => value?.strings.has(t.key) || (typeof t.english === 'string' && keep.has(t.english))).length;
  print(`${target.file}: ${target.what}: ${translated} of ${texts.length} texts translated and checked, ${problems.length} problems`);
  for (const problem of problems) {
    print(`  ${formatLocated(problem)}`);
    const key = problem.path.replace(/^strings\./, '');
    if (english.has(key)) print(indent(englishText(english.get(key)!), '      English: '));
  }
  return problems.length;
}

const indent = (text: string, first: string) => text.split('\n').map((line, i) => (i === 0 ? first : ' '.repeat(first.length)) + line).join('\n');

/** Writes the catalogue's skeleton; every translation in it is kept. */
async function update(target: Target, path: string, source: string | undefined, lang: string, print: (line: string) => void): Promise<void> {
  let catalogue: Catalogue = { lang, strings: {} };
  if (source !== undefined) {
    const { value, problems } = parseCatalogue(source, target.file, target.subject);
    if (!value) {
      print(`${target.file}: not updated, it cannot be read as a catalogue:\n${problems.map((p) => `  ${formatLocated(p)}`).join('\n')}`);
      return;
    }
    catalogue = value.catalogue;
  }
  const { matches, unused } = matchCatalogue(target.subject.texts, catalogue);
  const doc = new Document({ lang, ...(catalogue.keep ? { keep: catalogue.keep } : {}), strings: {} });
  doc.commentBefore = ` ${lang} translation of ${target.what}: see README, "Translating a tree, or adding a language".\n Comments are rewritten by \`npm run i18n -- update ${lang}\`; keep your notes in an entry's note.`;
  const strings = doc.get('strings') as YAMLMap;
  const written = new Set<string>();
  const add = (key: string, entry: Entry, comment: string) => {
    const pair = doc.createPair(key, doc.createNode(entry)) as Pair<{ commentBefore?: string }>;
    pair.key!.commentBefore = comment;
    strings.items.push(pair);
    written.add(entry.hash);
  };
  const counts = { translated: 0, todo: 0, stale: 0 };
  for (const match of matches) {
    const { key, hash, english } = match.text;
    // A text with the same English as one written already shares its translation, by hash.
    if (match.status === 'kept' || written.has(hash)) continue;
    const comment = (status: string) => indent(englishText(english), ` ${status}`);
    if (match.status === 'fresh') {
      counts.translated++;
      add(key, match.entry, comment('English: '));
    } else if (match.status === 'stale') {
      counts.stale++;
      add(key, match.entry, `${comment('English now: ')}\n STALE: this translates an older English. Translate it again, then set hash to ${hash}.`);
      written.add(hash);
    } else {
      counts.todo++;
      // An entry waiting for its translation keeps what it has (some plural forms, a note).
      const own = Object.hasOwn(catalogue.strings, key) ? catalogue.strings[key] : undefined;
      add(key, own?.hash === hash ? own : { hash, text: blank(english, lang) }, comment('English: '));
    }
  }
  for (const key of unused) {
    add(key, catalogue.strings[key]!, ' UNUSED: no text has this key or hash any more. Reuse its translation where it fits, then delete it.');
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, doc.toString({ lineWidth: 0 }));
  print(`${target.file}: ${counts.translated} translated, ${counts.todo} to translate, ${counts.stale} stale, ${unused.length} unused`);
}

/** An entry to fill in: its text empty, with the language's plural forms for a word that counts. */
function blank(english: Message, lang: string): Message {
  if (typeof english === 'string') return '';
  return Object.fromEntries(new Intl.PluralRules(lang).resolvedOptions().pluralCategories.map((category) => [category, '']));
}

/** English with accents (Mozilla's "accented" pseudo-locale): readable, and plainly not English. */
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', c: 'ç', n: 'ñ', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý', C: 'Ç', N: 'Ñ' };
const accented = (text: string) =>
  text
    .split(/(https?:\/\/\S+|\{[a-z][a-z0-9-]*\}|\[\d+\])/i)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[aeiouycnAEIOUYCN]/g, (c) => ACCENTED[c]!)))
    .join('');
const pseudoMessage = (message: Message): Message =>
  typeof message === 'string' ? accented(message) : Object.fromEntries(Object.entries(message).map(([category, form]) => [category, accented(form!)]));

async function pseudo(dist: string, lang: string, print: (line: string) => void): Promise<number> {
  const file = join(dist, 'lang', `${lang}.json`);
  const language: LanguageFile = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : { lang, words: {}, trees: {} };
  for (const [key, english] of Object.entries(ENGLISH)) language.words[key as WordKey] ??= pseudoMessage(english);
  const trees = JSON.parse(await readFile(join(dist, 'trees.json'), 'utf8')) as Tree[];
  for (const tree of trees) {
    if (Object.hasOwn(language.trees, tree.id)) continue;
    language.trees[tree.id] = translatedParts(mapTexts(tree, (_, text) => accented(text)));
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(language));
  print(`${file}: pseudo-translated what it lacked`);
  return 0;
}
