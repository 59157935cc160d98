// A run in another language than English (loaded only then): the tool's words, and the tree's
// texts, from the language file compiled at build time (dist/lang/<lang>.json) for a built-in
// tree, or from the catalogue beside a tree file (<tree>.<lang>.yaml), reviewed as it is read.
// Whatever is not translated, or not up to date, is shown in English, and a note says so.
import { readdirSync, readFileSync } from 'node:fs';
import type { Message } from '../core/catalogue.js';
import { fallbacks, normaliseTag, type LanguageRequest } from '../core/language.js';
import { showLabels } from '../core/labels.js';
import type { Tree } from '../core/schema.js';
import { suggest } from '../core/suggest.js';
import { localiseTree, translatableTexts } from '../core/translatable.js';
import { UsageError } from '../errors.js';
import { ENGLISH, ENGLISH_WORDS, wordsIn, type WordKey, type Words } from '../words.js';

/**
 * A language as the build compiles it: the tool's words, and each built-in tree's parts that hold
 * texts, already in the language (labels shown), so that a run only puts them in place: parsing
 * them costs less than rebuilding the tree from a list of strings. The sources are the English tree's.
 */
export interface LanguageFile {
  lang: string;
  words: Record<WordKey, Message>;
  trees: Record<string, TranslatedParts>;
}
export type TranslatedParts = Pick<Tree, 'title' | 'question' | 'questions' | 'verdicts'>;

/** The parts of a localised tree that a language file holds. */
export const translatedParts = ({ title, question, questions, verdicts }: Tree): TranslatedParts => ({ title, question, questions, verdicts });

const LANG_DIR = new URL('./lang/', import.meta.url);

/** The languages this build speaks: English, and one per compiled language file. */
export function spokenLanguages(): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(LANG_DIR);
  } catch {
    // No language file was built: English only.
  }
  return ['en', ...names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length))].sort();
}

function languageFile(tag: string): LanguageFile | undefined {
  try {
    return JSON.parse(readFileSync(new URL(`./${tag}.json`, LANG_DIR), 'utf8')) as LanguageFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface InLanguage {
  tree: Tree;
  words: Words;
  /** The words as the catalogue has them (English where it has none): for the site's plan page, which says them in a browser. */
  messages: Readonly<Record<WordKey, Message>>;
  /** Notes for stderr: what is shown in English although another language was asked for. */
  notes: string[];
}

/**
 * The tree and the words in the language asked for; `treeFile` is the file the tree was read from,
 * undefined for a built-in tree. A language this build lacks is a usage error when asked for by
 * name, and English when only the locale prefers it.
 */
export async function inLanguage(tree: Tree, treeFile: string | undefined, request: LanguageRequest): Promise<InLanguage> {
  // Only a well-formed tag becomes part of a file name.
  const tags = normaliseTag(request.tag) === request.tag ? fallbacks(request.tag) : [];
  const found = tags.map((tag) => ({ tag, file: languageFile(tag) })).find(({ file }) => file !== undefined);
  if (found?.file === undefined) {
    if (request.explicit) throw unknownLanguage(request);
    return { tree, words: ENGLISH_WORDS, messages: ENGLISH, notes: [] };
  }
  const { tag, file } = found;
  const messages = { ...ENGLISH, ...file.words };
  const words = wordsIn(tag, messages);
  // A tree written in another language than English has no translations: it is shown as it is.
  if (tree.lang !== undefined && tree.lang !== 'en') return { tree, words, messages, notes: [] };
  const showLabel = (label: string) => words.say('label', { label });
  const untranslated = (): InLanguage => ({ tree, words, messages, notes: request.explicit ? [words.say('language.tree-in-english', { tree: tree.title })] : [] });

  if (treeFile === undefined) {
    const parts = Object.hasOwn(file.trees, tree.id) ? file.trees[tree.id] : undefined;
    return parts ? { tree: { ...tree, ...parts, lang: tag }, words, messages, notes: [] } : untranslated();
  }
  // A tree file: its catalogue, if it has one, is read and reviewed now (the build did not see it).
  const { catalogueLanguage, cataloguesOf, parseCatalogue, readCatalogueSource, treeSubject } = await import('./catalogue-file.js');
  const catalogues = await cataloguesOf(treeFile);
  const catalogue = tags.map((t) => catalogues.find((file) => catalogueLanguage(file)?.toLowerCase() === t)).find(Boolean);
  if (!catalogue) return untranslated();
  const source = await readCatalogueSource(catalogue);
  const review = typeof source === 'string' ? parseCatalogue(source, catalogue, treeSubject(tree)).value : undefined;
  const keep = new Set(review?.catalogue.keep ?? []);
  const strings = new Map<string, string>();
  for (const [key, text] of review?.strings ?? []) if (typeof text === 'string') strings.set(key, showLabels(text, showLabel));
  const inEnglish = translatableTexts(tree).filter(({ key, text }) => !strings.has(key) && !keep.has(text)).length;
  const notes = inEnglish > 0 ? [words.say('language.texts-in-english', { count: inEnglish, file: catalogue })] : [];
  return { tree: localiseTree(tree, tag, strings), words, messages, notes };
}

function unknownLanguage(request: LanguageRequest): UsageError {
  const spoken = spokenLanguages();
  const hint = suggest(request.tag, spoken);
  return new UsageError(
    `error: ${request.from} ${request.tag}: optout-check does not speak this language.${hint ? ` Did you mean ${hint}?` : ''} Languages: ${spoken.join(', ')}.`,
    'invalid-value',
    { flag: request.from, value: request.tag, values: spoken, ...(hint ? { suggestion: hint } : {}) },
  );
}
