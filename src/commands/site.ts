// `optout-check site --out DIR`: the tree as a static web site, rendered from the same core as the
// terminal and the JSON (buildReport, the matrix, the plan). A folder per answered path, with the
// verdict's page and answer.json (what --json prints for those answers) side by side. The same
// tree always gives the same bytes, so a diff between two builds shows what changed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildReport } from '../core/report.js';
import { safeLine } from '../core/safe-text.js';
import { MAX_SITE_ADDRESS, MAX_SITE_PATHS, siteMap } from '../core/site-map.js';
import { systemReason, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { DEFAULT_TREE } from '../load/builtin-trees.js';
import { resolveTree } from '../load/resolve-tree.js';
import { renderJson } from '../render/json.js';
import { addresses, fileOf, site as siteOf, SITE_ASSETS } from '../render/site-layout.js';
import { renderIndexPage, renderPlanPage, renderQuestionPage, renderSourcesPage, renderVerdictPage } from '../render/site-pages.js';

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

export async function site(options: SiteOptions, io: Pick<Io, 'stdout'>): Promise<void> {
  if (!BASE.test(options.base)) {
    throw new UsageError(`error: --base ${options.base} is not a path from the site's root: start and end it with /, e.g. --base /optout-check/`, 'invalid-value');
  }
  const tree = await resolveTree(options.tree);
  const map = siteMap(tree);
  if (map.refused === 'paths') {
    throw new UsageError(`error: this tree has more than ${MAX_SITE_PATHS} answered paths; a site is built for at most ${MAX_SITE_PATHS}, one folder each.`);
  }
  if (map.refused === 'address') {
    throw new UsageError(`error: a path of this tree is too long for a site's folders: its answers make an address of more than ${MAX_SITE_ADDRESS} characters.`);
  }
  // A tree file is named without its folder: a published page has no use for the builder's paths.
  const treeRef = basename(options.tree);
  const site = siteOf(tree, { lang: 'en', base: options.base, treeFlag: options.tree === DEFAULT_TREE ? '' : ` --tree ${treeRef}` });
  const at = addresses(site);

  emptyFolder(options.out);
  let pages = 0;
  const add = (link: string, content: string) => {
    write(options.out, fileOf(site, link), content);
    pages++;
  };
  add(at.index, renderIndexPage(site));
  add(at.sources, renderSourcesPage(site));
  add(at.plan, renderPlanPage(site));
  for (const question of map.questions) add(at.answered(question.values), renderQuestionPage(site, question));
  for (const verdict of map.verdicts) {
    const { answers, path, verdictId } = verdict;
    const report = buildReport(tree, answers, { path, verdictId, verdict: verdict.verdict }, false);
    add(at.answered(verdict.values), renderVerdictPage(site, report, verdict.values));
    write(options.out, fileOf(site, at.json(verdict.values)), renderJson(report));
  }
  for (const asset of SITE_ASSETS) write(options.out, asset, readFileSync(new URL(asset, ASSETS), 'utf8'));
  io.stdout.write(safeLine(`Wrote ${pages} pages and ${map.verdicts.length} answer.json files to ${options.out} (for ${options.base}).`) + '\n');
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
