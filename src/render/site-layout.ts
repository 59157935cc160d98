// What every page of the site shares: the addresses of its pages, and the frame around each one
// (head with the Content-Security-Policy, skip link, header, back link, footer).
//
// Addresses: an answered path is a folder of its values (eu/instagram/photos/), and every other
// page or file has a dot in its name (start.html, sources.html, site.css). Values are ids, which
// never hold a dot, so no tree can make a path that overwrites one of the site's own pages.
import type { Source, Tree } from '../core/schema.js';
import { externalLink, html, type Html } from './html.js';
import { siteWords, type SiteLanguage, type SiteWords } from './site-words.js';

/** The assets that the command copies beside the pages, from dist/site/. */
export const SITE_ASSETS = ['site.css', 'plan.js', 'favicon.svg'] as const;

/**
 * The site's only rule for what a page may load: its own style sheet, script and icon. No inline
 * script or style, no frames, no form posts, nothing from elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

export interface Site {
  tree: Tree;
  lang: SiteLanguage;
  words: SiteWords;
  /** Where the site is hosted, from the host's root: `/`, or e.g. `/optout-check/`. */
  base: string;
  /** How the tool is run for this tree, for the "same answer in a terminal" lines: `optout-check`, or with `--tree x.yaml`. */
  command: string;
  /** The same, for a plan: `optout-check plan`. */
  planCommand: string;
  /** ` --tree <ref>`, or nothing for the default tree: for the plan page's script, which makes its own lines. */
  treeFlag: string;
}

/** `treeFlag`: ` --tree <ref>` for any tree but the default one, as the terminal's reproduce lines have it. */
export const site = (tree: Tree, options: { lang: SiteLanguage; base: string; treeFlag: string }): Site => ({
  tree,
  lang: options.lang,
  words: siteWords(options.lang),
  base: options.base,
  command: `optout-check${options.treeFlag}`,
  planCommand: `optout-check plan${options.treeFlag}`,
  treeFlag: options.treeFlag,
});

/** The addresses of a site's pages, as links (from the host's root) and as files (from the output folder). */
export function addresses(site: Site) {
  // A language's pages will live under its own folder (issue 16); English is at the root.
  const home = `${site.base}`;
  return {
    index: home,
    start: `${home}start.html`,
    sources: `${home}sources.html`,
    plan: `${home}plan.html`,
    asset: (name: (typeof SITE_ASSETS)[number]) => `${site.base}${name}`,
    /** The page for answers given so far: the first question before any. */
    answered: (values: readonly string[]) => (values.length === 0 ? `${home}start.html` : `${home}${values.join('/')}/`),
    /** Beside a verdict's page; a tree whose only path asks nothing has its verdict at start.html, and this at the root. */
    json: (values: readonly string[]) => `${home}${values.map((value) => `${value}/`).join('')}answer.json`,
    source: (id: string) => `${home}sources.html#source-${id}`,
  };
}

/** The file that a link to a page of this site is served from, relative to the output folder. */
export const fileOf = (site: Site, link: string): string => {
  const path = link.slice(site.base.length);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

export interface Frame {
  title: string;
  /** Where the back link goes; none on the index. */
  back?: string;
  main: Html;
  /** Wider than a line of text: for the index's table. */
  wide?: boolean;
  /** The plan page's: data for its script, and the script. */
  extraBody?: Html;
}

export function page(site: Site, frame: Frame): string {
  const { words, tree } = site;
  const at = addresses(site);
  const title = frame.title === tree.title ? tree.title : `${frame.title} – ${tree.title}`;
  return html`<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${at.asset('site.css')}">
<link rel="icon" href="${at.asset('favicon.svg')}" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">${words.skipLink}</a>
<header class="site-header"><div class="width"><a class="site-name" href="${at.index}">${tree.title}</a></div></header>
<div class="width">
${frame.back === undefined ? '' : html`<a class="back-link" href="${frame.back}">${words.back}</a>`}
<main id="main" tabindex="-1"${frame.wide ? html` class="wide"` : ''}>
${frame.main}
</main>
</div>
<footer class="site-footer"><div class="width">
<ul class="footer-links"><li><a href="${at.sources}">${words.sourcesLink}</a></li><li><a href="${at.plan}">${words.planLink}</a></li></ul>
<p>${words.reviewed(tree.title, tree.reviewed)} ${words.footer}</p>
</div></footer>
${frame.extraBody ?? ''}
</body>
</html>
`.markup;
}

/** [n] citations of the given sources, numbered in their order: each a link to its entry (`#ref-n`). */
export function citing(site: Site, sources: readonly { id: string }[]): (ids: string[]) => Html {
  const number = new Map(sources.map((source, i) => [source.id, i + 1]));
  return (ids) =>
    html`<span class="citations">${ids.map((id) => html`<a class="citation" href="#ref-${number.get(id)}"><span class="visually-hidden">${site.words.citation}</span>[${number.get(id)}]</a>`)}</span>`;
}

/** Publisher, “title”, date (kind), then the address: as the terminal lists a source. Under a heading that gives the title, without it. */
export function sourceEntry(site: Site, source: Source, withTitle = true): Html {
  const { words } = site;
  const published = source.published === 'undated' ? words.undated : source.published;
  const address = source.url ? externalLink(source.url) : words.noAddress;
  return html`${source.publisher}, ${withTitle ? html`${words.quoted(source.title)}, ` : ''}${published} (${words.kinds[source.kind]}). <span class="address">${address}</span>`;
}
