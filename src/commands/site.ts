// `optout-check site --out DIR`: the tree as a static web site, rendered from the same core as the
// terminal and the JSON (buildReport, the matrix, the plan). A folder per answered path, with the
// verdict's page and answer.json (what --json prints for those answers) side by side. The same
// tree always gives the same bytes, so a diff between two builds shows what changed.
// The same pages in every language the tree is completely translated into, each in a folder of
// its own (de/eu/instagram/…), rendered from the tree in that language as `--lang` renders it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Message } from '../core/catalogue.js';
import { buildReport } from '../core/report.js';
import { safeLine } from '../core/safe-text.js';
import type { Tree } from '../core/schema.js';
import { MAX_SITE_ADDRESS, MAX_SITE_PATHS, rootFolders, siteMap } from '../core/site-map.js';
import { systemReason, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { builtinTrees, DEFAULT_TREE } from '../load/builtin-trees.js';
import { inLanguage, spokenLanguages } from '../load/language.js';
import { resolveTree } from '../load/resolve-tree.js';
import { renderJson } from '../render/json.js';
import { addresses, fileOf, ROOT_LANGUAGE, site as siteOf, SITE_ASSETS } from '../render/site-layout.js';
import { renderIndexPage, renderPlanPage, renderQuestionPage, renderSourcesPage, renderVerdictPage } from '../render/site-pages.js';
import { ENGLISH, ENGLISH_WORDS, type WordKey, type Words } from '../words.js';

export interface SiteOptions {
  /** --tree, as given. */
  tree: string;
  out: string;
  /** --base: where the site will be hosted, from the host's root. */
  base: string;
}

/** Built by scripts/build.mjs beside this bundle: the style sheet, the plan's script, the icon. */
const ASSETS = new URL('./site/', import.meta.url);

/** A path from the host's root, as links need it: `/`, or segments each followed by a slash. */
const BASE = /^\/([A-Za-z0-9._~-]+\/)*$/;

export async function site(options: SiteOptions, io: Pick<Io, 'stdout' | 'stderr'>): Promise<void> {
  if (!BASE.test(options.base)) {
    throw new UsageError(`error: --base ${options.base} is not a path from the site's root: start and end it with /, e.g. --base /optout-check/`, 'invalid-value');
  }
  const tree = await resolveTree(options.tree);
  const languages = await siteLanguages(tree, builtinTrees().includes(tree) ? undefined : options.tree, io);
  // The cap counts the paths of every language: each has a folder per path.
  const map = siteMap(tree, Math.floor(MAX_SITE_PATHS / languages.length));
  if (map.refused === 'paths') {
    throw new UsageError(
      languages.length === 1
        ? `error: this tree has more than ${MAX_SITE_PATHS} answered paths; a site is built for at most ${MAX_SITE_PATHS}, one folder each.`
        : `error: this tree has more than ${Math.floor(MAX_SITE_PATHS / languages.length)} answered paths; a site is built for at most ${MAX_SITE_PATHS}, one folder each, counted in each of its ${languages.length} languages (${languages.map((l) => l.lang).join(', ')}).`,
    );
  }
  if (map.refused === 'address') {
    throw new UsageError(`error: a path of this tree is too long for a site's folders: its answers make an address of more than ${MAX_SITE_ADDRESS} characters.`);
  }
  // Answers are the same in every language (scripts rely on them), so a language's folder must be
  // no answer's: the first answers are the folders at the root.
  const taken = languages.find(({ lang }) => lang !== ROOT_LANGUAGE && rootFolders(map).has(lang));
  if (taken) {
    throw new UsageError(
      `error: the answer "${taken.lang}" to this tree's first question would be the folder of the site's pages in ${taken.lang} (${options.base}${taken.lang}/): rename the answer, or build without the tree's ${taken.lang} translation.`,
    );
  }
  // A tree file is named without its folder: a published page has no use for the builder's paths.
  const treeFlag = options.tree === DEFAULT_TREE ? '' : ` --tree ${basename(options.tree)}`;
  const names = languages.map(({ lang, words }) => ({ lang, name: words.say('site.language') }));

  emptyFolder(options.out);
  let pages = 0;
  let answers = 0;
  for (const language of languages) {
    const site = siteOf(language.tree, { lang: language.lang, words: language.words, languages: names, base: options.base, treeFlag });
    const at = addresses(site);
    const add = (link: string, content: string) => {
      write(options.out, fileOf(site, link), content);
      pages++;
    };
    // The same pages as the root's: a translation changes texts, never the tree's shape.
    const pagesOf = language.lang === ROOT_LANGUAGE ? map : siteMap(language.tree);
    add(at.index, renderIndexPage(site));
    add(at.sources, renderSourcesPage(site));
    add(at.plan, renderPlanPage(site, language.messages));
    for (const question of pagesOf.questions) add(at.answered(question.values), renderQuestionPage(site, question));
    for (const verdict of pagesOf.verdicts) {
      const { path, verdictId } = verdict;
      const report = buildReport(language.tree, verdict.answers, { path, verdictId, verdict: verdict.verdict }, false);
      add(at.answered(verdict.values), renderVerdictPage(site, report, verdict.values));
      write(options.out, fileOf(site, at.json(verdict.values)), renderJson(report));
      answers++;
    }
  }
  for (const asset of SITE_ASSETS) write(options.out, asset, readFileSync(new URL(asset, ASSETS), 'utf8'));
  const spoken = languages.map(({ lang }) => lang).join(', ');
  io.stdout.write(safeLine(`Wrote ${pages} pages and ${answers} answer.json files to ${options.out} (for ${options.base}; languages: ${spoken}).`) + '\n');
}

interface SiteInLanguage {
  lang: string;
  /** The tree in this language. */
  tree: Tree;
  words: Words;
  messages: Readonly<Record<WordKey, Message>>;
}

/**
 * English, then every language that this build speaks and into which the tree is translated
 * completely (a built-in tree's catalogue always is, or the build fails): a page half in English
 * would not be a page in that language. A tree file's incomplete catalogue is left out, saying so.
 */
async function siteLanguages(tree: Tree, treeFile: string | undefined, io: Pick<Io, 'stderr'>): Promise<SiteInLanguage[]> {
  const languages: SiteInLanguage[] = [{ lang: ROOT_LANGUAGE, tree, words: ENGLISH_WORDS, messages: ENGLISH }];
  // A tree written in another language than English has no translations.
  if (tree.lang !== undefined && tree.lang !== ROOT_LANGUAGE) return languages;
  for (const lang of spokenLanguages().filter((tag) => tag !== ROOT_LANGUAGE)) {
    const shown = await inLanguage(tree, treeFile, { tag: lang, from: 'site', explicit: false });
    if (shown.tree.lang !== lang) continue;
    if (shown.notes.length > 0) {
      io.stderr.write(safeLine(`note: no pages in ${lang}: the tree's ${lang} translation is not complete (optout-check validate ${treeFile} says what it lacks).`) + '\n');
      continue;
    }
    languages.push({ lang, tree: shown.tree, words: shown.words, messages: shown.messages });
  }
  return languages;
}

/**
 * The site is written whole into a new or empty folder, so that no page of an earlier build (of
 * another tree, say) is left among the new ones.
 */
function emptyFolder(out: string): void {
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(out, error);
    entries = [];
  }
  if (entries.length > 0) {
    throw new UsageError(`error: --out ${out} is not empty; remove it or name a new folder (a site is written whole, so that no page of an earlier build stays)`);
  }
}

function write(out: string, file: string, content: string): void {
  const path = join(out, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

const cannotWrite = (path: string, error: unknown) => new UsageError(`error: cannot write ${path}: ${systemReason(error) ?? (error as Error).message}`);
