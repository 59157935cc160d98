// The site's pages on the small fixtures: GOV.UK's question pattern, the index's table from the
// matrix (also for paths that never ask the column's key), and the offer of a plan at a varying key.
import { describe, expect, it } from 'vitest';
import { siteMap } from '../../src/core/site-map.js';
import { CONTENT_SECURITY_POLICY, site } from '../../src/render/site-layout.js';
import { renderIndexPage, renderQuestionPage } from '../../src/render/site-pages.js';
import { ENGLISH, ENGLISH_WORDS, wordsIn } from '../../src/words.js';
import { fixture } from '../helpers.js';

const small = site(fixture('small.yaml'), { lang: 'en', words: ENGLISH_WORDS, base: '/', treeFlag: ' --tree small.yaml' });
const count = (text: string, part: string) => text.split(part).length - 1;

describe('a question page', () => {
  const page = renderQuestionPage(small, siteMap(small.tree).questions[1]!);

  it('asks one question, as the h1 in the legend of its fieldset, with its choices as plain links', () => {
    expect(count(page, '<h1')).toBe(1);
    expect(page).toContain('<fieldset class="question">\n<legend><h1>Which app?</h1></legend>');
    expect(page).toContain('<ul class="choices"><li><a class="choice" href="/eu/feed/">Feed app</a></li><li><a class="choice" href="/eu/chat/">Chat app</a></li></ul>');
  });

  it('has its language, the policy, a skip link to the main content, and a back link to the question before', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}">`);
    expect(page).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(page).toContain('<main id="main" tabindex="-1">');
    expect(page).toContain('<a class="back-link" href="/start.html">Back</a>');
    expect(page).not.toContain('<script');
  });

  it('ties the help to the question', () => {
    const first = renderQuestionPage(small, siteMap(small.tree).questions[0]!);
    expect(first).toContain('<fieldset class="question" aria-describedby="hint">');
    expect(first).toContain('<p class="hint" id="hint">Your country of residence decides which rights apply.</p>');
  });

  it('offers one plan for several answers at a key that can differ between accounts, with the answers so far', () => {
    const plan = site(fixture('plan.yaml'), { lang: 'en', words: ENGLISH_WORDS, base: '/x/', treeFlag: '' });
    const app = siteMap(plan.tree).questions.find((q) => q.key === 'app')!;
    expect(renderQuestionPage(plan, app)).toContain('<a href="/x/plan.html?region=eu">Make one plan for all of them</a>');
    expect(page).not.toContain('plan.html?');
  });
});

describe('a page in a site of two languages', () => {
  const languages = [{ lang: 'en', name: 'English' }, { lang: 'de', name: 'Deutsch' }];
  const german = site(small.tree, { lang: 'de', words: wordsIn('de', { ...ENGLISH, 'site.languages': 'Sprache' }), languages, base: '/x/', treeFlag: '' });

  it('is in its language\'s folder below the base, links within it, and names the language in its command lines', () => {
    const page = renderQuestionPage(german, siteMap(german.tree).questions[1]!);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(page).toContain('<a class="choice" href="/x/de/eu/feed/">');
    expect(page).toContain('<a class="back-link" href="/x/de/start.html">');
    expect(german.command).toBe('optout-check --lang de');
    expect(german.planCommand).toBe('optout-check plan --lang de');
  });

  it('links to itself in every language: <link rel="alternate"> for each, and a switch that names the others in their own language', () => {
    const page = renderQuestionPage(german, siteMap(german.tree).questions[1]!);
    expect(page).toContain('<link rel="alternate" hreflang="en" href="/x/eu/">\n<link rel="alternate" hreflang="de" href="/x/de/eu/">\n</head>');
    expect(page).toContain(
      '<nav class="language-switch" aria-label="Sprache"><ul><li><a href="/x/eu/" hreflang="en" lang="en" rel="alternate">English</a></li><li><span aria-current="true">Deutsch</span></li></ul></nav>',
    );
  });

  it('has neither when the site is in one language', () => {
    const page = renderQuestionPage(small, siteMap(small.tree).questions[1]!);
    expect(page).not.toContain('hreflang');
    expect(page).not.toContain('language-switch');
  });
});

describe('the index', () => {
  it('tables the outcomes by the first key and the next, each linked to the page those answers reach', () => {
    const page = renderIndexPage(small);
    expect(page).toContain('<h2 id="outcomes">What the answer can be, by region and app</h2>');
    expect(page).toContain('<thead><tr><th scope="col">region</th><th scope="col">Feed app</th><th scope="col">Chat app</th></tr></thead>');
    expect(page).toContain(
      '<tr><th scope="row">European Union</th>' +
        '<td><a class="cell-link" href="/eu/feed/"><span class="tag tag-opt-out">you can object</span><span class="visually-hidden">, </span><span class="tag tag-not-used">not used</span></a></td>' +
        '<td><a class="cell-link" href="/eu/chat/"><span class="tag tag-not-used">not used</span></a></td></tr>',
    );
    // The United States' path never asks for the app: one cell across.
    expect(page).toContain('<tr><th scope="row">United States</th><td colspan="2"><a class="cell-link" href="/us/"><span class="tag tag-no-opt-out">no opt-out</span></a></td></tr>');
    expect(page).toContain('<a class="button" href="/start.html">Start now</a>');
    expect(page).toContain('<code>npx optout-check --tree small.yaml</code>');
  });
});
