// What every page of the site shares: the addresses of its pages, and the frame around each one
// (head with the Content-Security-Policy, skip link, header with the switch between languages,
// back link, footer). The site's own words are `site.` words of the one catalogue (words.ts).
//
// Addresses: an answered path is a folder of its values (eu/instagram/photos/), and every other
// page or file has a dot in its name (start.html, sources.html, site.css). Values are ids, which
// never hold a dot, so no tree can make a path that overwrites one of the site's own pages.
// English is at the root, every other language in a folder of its tag with the same pages
// (de/eu/instagram/photos/); commands/site.ts refuses a tree whose first answers would take a
// language's folder.
import type { Source, Tree } from '../core/schema.js';
import type { Words } from '../words.js';
import { externalLink, html, type Html } from './html.js';

/** The assets that the command copies beside the pages, from dist/site/. */
export const SITE_ASSETS = ['site.css', 'plan.js', 'favicon.svg'] as const;

/**
 * The site's only rule for what a page may load: its own style sheet, script and icon. No inline
 * script or style, no frames, no form posts, nothing from elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** The language of the site's root; every other language is in a folder of its own. */
export const ROOT_LANGUAGE = 'en';

export interface SiteLanguage {
  /** Its tag, which is also its folder: de. */
  lang: string;
  /** Its name in itself (the `site.language` word): Deutsch. */
  name: string;
}

export interface Site {
  /** The tree in the pages' language. */
  tree: Tree;
  lang: string;
  words: Words;
  /** Every language the site is built in, the root's first: the switch between them. */
  languages: readonly SiteLanguage[];
  /** Where the site is hosted, from the host's root: `/`, or e.g. `/optout-check/`. */
  base: string;
  /** How the tool is run for this tree, for the "same answer in a terminal" lines: `optout-check`, or with `--tree x.yaml`. */
  command: string;
  /** The same, for a plan: `optout-check plan`. */
  planCommand: string;
  /** ` --tree <ref>`, or nothing for the default tree: for the plan page's script, which makes its own lines. */
  treeFlag: string;
}

export interface SiteOptions {
  lang: string;
  words: Words;
  /** For the switch; none (the default) on a page that has no other language, or in the plan page's script. */
  languages?: readonly SiteLanguage[];
  base: string;
  /** ` --tree <ref>` for any tree but the default one, as the terminal's reproduce lines have it. */
  treeFlag: string;
}

/**
 * A page in another language than the root's names it in its command lines (`--lang de`), so
 * that a reader who copies one gets the same answer in the same language, whatever their locale.
 */
export const site = (tree: Tree, options: SiteOptions): Site => {
  const langFlag = options.lang === ROOT_LANGUAGE ? '' : ` --lang ${options.lang}`;
  return {
    tree,
    lang: options.lang,
    words: options.words,
    languages: options.languages ?? [],
    base: options.base,
    command: `optout-check${langFlag}${options.treeFlag}`,
    planCommand: `optout-check plan${langFlag}${options.treeFlag}`,
    treeFlag: options.treeFlag,
  };
};

export type Addresses = ReturnType<typeof addresses>;

/**
 * The addresses of a site's pages in its language, or in `lang`: as links (from the host's root)
 * and as files (from the output folder).
 */
export function addresses(site: Pick<Site, 'base' | 'lang'>, lang = site.lang) {
  const home = lang === ROOT_LANGUAGE ? site.base : `${site.base}${lang}/`;
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
  /** This page's address, given the addresses of a language: for the switch to the same page in another. */
  here: (at: Addresses) => string;
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
  // The same page in every language, this one included, as search engines and browsers read them.
  const others = site.languages.length > 1 ? site.languages : [];
  const alternates = others.map(({ lang }) => html`<link rel="alternate" hreflang="${lang}" href="${frame.here(addresses(site, lang))}">
`);
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
${alternates}</head>
<body>
<a class="skip-link" href="#main">${words.say('site.skip-link')}</a>
<header class="site-header"><div class="width"><a class="site-name" href="${at.index}">${tree.title}</a>${languageSwitch(site, frame, others)}</div></header>
<div class="width">
${frame.back === undefined ? '' : html`<a class="back-link" href="${frame.back}">${words.say('site.back')}</a>`}
<main id="main" tabindex="-1"${frame.wide ? html` class="wide"` : ''}>
${frame.main}
</main>
</div>
<footer class="site-footer"><div class="width">
<ul class="footer-links"><li><a href="${at.sources}">${words.say('sources.heading')}</a></li><li><a href="${at.plan}">${words.say('site.plan-link')}</a></li></ul>
<p>${words.say('site.reviewed', { title: tree.title, date: tree.reviewed })} ${words.say('site.footer')}</p>
</div></footer>
${frame.extraBody ?? ''}
</body>
</html>
`.markup;
}

/**
 * The languages by name, each in itself: this one as text, marked current, and the others as
 * links to this page in them, after GOV.UK's language switcher. Nothing for a site in one language.
 */
function languageSwitch(site: Site, frame: Frame, languages: readonly SiteLanguage[]): Html {
  if (languages.length === 0) return html``;
  const items = languages.map(({ lang, name }) =>
    lang === site.lang
      ? html`<li><span aria-current="true">${name}</span></li>`
      : html`<li><a href="${frame.here(addresses(site, lang))}" hreflang="${lang}" lang="${lang}" rel="alternate">${name}</a></li>`,
  );
  return html`<nav class="language-switch" aria-label="${site.words.say('site.languages')}"><ul>${items}</ul></nav>`;
}

/** ` lang="…"` on an element whose text is in another language than the page's; nothing when it is the page's. */
export const langOf = (site: Site, lang: string): Html => (lang === site.lang ? html`` : html` lang="${lang}"`);

/** Text in `lang`: in a span that says so when that is not the page's language. */
export const textIn = (site: Site, lang: string, text: string): Html => (lang === site.lang ? html`${text}` : html`<span lang="${lang}">${text}</span>`);

/** [n] citations of the given sources, numbered in their order: each a link to its entry (`#ref-n`). */
export function citing(site: Site, sources: readonly { id: string }[]): (ids: string[]) => Html {
  const number = new Map(sources.map((source, i) => [source.id, i + 1]));
  return (ids) =>
    html`<span class="citations">${ids.map((id) => html`<a class="citation" href="#ref-${number.get(id)}"><span class="visually-hidden">${site.words.say('site.citation')} </span>[${number.get(id)}]</a>`)}</span>`;
}

/** Publisher, “title”, date (kind), then the address: as the terminal lists a source. Under a heading that gives the title, without it. */
export function sourceEntry(site: Site, source: Source, withTitle = true): Html {
  const { words } = site;
  const published = source.published === 'undated' ? words.say('sources.undated') : source.published;
  const address = source.url ? externalLink(source.url) : words.say('sources.no-address');
  return html`${source.publisher}, ${withTitle ? html`${words.say('sources.quote', { text: source.title })}, ` : ''}${published} (${words.say(`site.kind.${source.kind}`)}). <span class="address">${address}</span>`;
}
