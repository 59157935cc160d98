// The site's pages: the index, one question per page (GOV.UK's pattern: the question as h1 and
// legend, its choices as plain links), the verdict (the terminal verdict's contents, in its
// order), the sources page, and the plan page's frame, each in the site's language. Strings
// only: commands/site.ts writes them.
import { answerKeys } from '../core/answers.js';
import type { Message } from '../core/catalogue.js';
import { answerLabels } from '../core/coverage.js';
import { answerRecord } from '../core/graph.js';
import { buildMatrix } from '../core/matrix.js';
import { reproduceFlags, type Report } from '../core/report.js';
import type { Outcome, Quote } from '../core/schema.js';
import { addressOf, type QuestionPage } from '../core/site-map.js';
import { walk, type PathStep } from '../core/walk.js';
import type { WordKey } from '../words.js';
import { externalLink, html, scriptData, withLinks, type Html } from './html.js';
import { addresses, citing, langOf, page, ROOT_LANGUAGE, sourceEntry, textIn, type Site } from './site-layout.js';
import { planPageData } from './site-plan.js';

/** The order in which outcomes are listed together: what a person can do first. */
const OUTCOME_ORDER: readonly Outcome[] = ['opt-out', 'limited', 'no-opt-out', 'not-used'];

/** "Your answers": each answer given so far with a link back to its question, as GOV.UK's summary list. */
function answersSoFar(site: Site, path: PathStep[]): Html {
  if (path.length === 0) return html``;
  const { words, tree } = site;
  const at = addresses(site);
  const rows = path.map((step, i) => {
    const prompt = tree.questions[step.question]!.prompt;
    const asked = addressOf(tree, path.slice(0, i));
    const change = step.auto
      ? html`<dd class="summary-action">${words.say('explain.only-answer')}</dd>`
      : html`<dd class="summary-action"><a href="${at.answered(asked)}">${words.say('site.change')}<span class="visually-hidden"> ${words.say('site.change-which', { prompt })}</span></a></dd>`;
    return html`<div class="summary-row"><dt>${prompt}</dt><dd>${step.label}</dd>${change}</div>`;
  });
  return html`<section class="your-answers" aria-labelledby="your-answers">
<h2 id="your-answers">${words.say('site.your-answers')}</h2>
<dl class="summary">${rows}</dl>
</section>`;
}

/** The page before this one: the question whose answer led here, or the index before the first. */
const previous = (site: Site, values: readonly string[]): string =>
  values.length === 0 ? addresses(site).index : addresses(site).answered(values.slice(0, -1));

export function renderQuestionPage(site: Site, at: QuestionPage): string {
  const { words, tree } = site;
  const to = addresses(site);
  const { question } = at;
  const hint = question.help ? html`<p class="hint" id="hint">${question.help}</p>` : '';
  const choices = question.choices.map((choice) => html`<li><a class="choice" href="${to.answered([...at.values, choice.value])}">${choice.label}</a></li>`);
  // A key that can differ between accounts: one plan for several of its answers, as the terminal offers.
  const several = tree.varying?.includes(at.key)
    ? html`<p class="several">${words.say('site.several')} <a href="${to.plan}?${new URLSearchParams(Object.entries(at.answers)).toString()}">${words.say('site.make-plan')}</a></p>`
    : '';
  const main = html`<fieldset class="question"${question.help ? html` aria-describedby="hint"` : ''}>
<legend><h1>${question.prompt}</h1></legend>
${hint}
<ul class="choices">${choices}</ul>
</fieldset>
${several}
${answersSoFar(site, at.path)}`;
  return page(site, { title: question.prompt, here: (there) => there.answered(at.values), back: previous(site, at.values), main });
}

/** The verdict, as the terminal gives it and in the same order: short first. `values` is its address. */
export function renderVerdictPage(site: Site, report: Report, values: readonly string[]): string {
  const { words, tree } = site;
  const at = addresses(site);
  const { verdict } = report;
  const cite = citing(site, report.sources);
  const steps = verdict.steps.map(
    (step) => html`<li>${step.text} ${cite(step.sources)}${step.url ? html`<br><span class="address">${externalLink(step.url)}</span>` : ''}</li>`,
  );
  const caveats = verdict.caveats?.length
    ? html`<h2>${words.say('verdict.caveats')}</h2>
<ul class="caveats">${verdict.caveats.map((caveat) => html`<li>${caveat.text} ${cite(caveat.sources)}</li>`)}</ul>`
    : '';
  const disputes = (verdict.disputed ?? []).map(
    (dispute) => html`<h2>${words.say('verdict.disputed', { topic: dispute.topic })}</h2>
<ul class="sides">${dispute.sides.map((side) => html`<li>${side.claim} ${cite(side.sources)}</li>`)}</ul>`,
  );
  const sources = report.sources.map(
    (source, i) => html`<li id="ref-${i + 1}">${sourceEntry(site, source)} <a href="${at.source(source.id)}">${words.say('site.quoted-passages')}</a></li>`,
  );
  const given = { path: report.path.filter((step) => !step.auto) };
  const main = html`<h1>${verdict.title}</h1>
<p class="outcome"><strong class="tag tag-${verdict.outcome}">${words.say('site.outcome')}: ${verdict.outcome}</strong> ${words.say(`site.outcome.${verdict.outcome}.meaning`)}</p>
<p class="summary-text">${verdict.summary} ${cite(verdict.sources)}</p>
<h2>${words.say('verdict.what-you-can-do')}</h2>
<ol class="steps">${steps}</ol>
${caveats}
${disputes}
<h2>${words.say('sources.heading')}</h2>
<ol class="sources">${sources}</ol>
<p class="reviewed">${words.say('site.reviewed', { title: tree.title, date: tree.reviewed })}</p>
<p class="terminal">${words.say('site.same-in-terminal')} <code>${site.command} ${reproduceFlags(given)}</code></p>
<p class="json"><a href="${at.json(values)}" type="application/json">${words.say('site.as-json')}</a></p>
${answersSoFar(site, report.path)}`;
  return page(site, { title: verdict.title, here: (there) => there.answered(values), back: previous(site, values), main });
}

/** Every source, each with its quoted passages in a <details>: one page, so that verdict pages need not repeat them. */
export function renderSourcesPage(site: Site): string {
  const { words, tree } = site;
  const sources = Object.entries(tree.sources);
  const passages = sources.reduce((n, [, source]) => n + (source.quotes?.length ?? 0), 0);
  const entries = sources.map(
    ([id, source]) => html`<article class="source" id="source-${id}">
<h2>${source.title}</h2>
<p>${sourceEntry(site, source, false)}</p>
${source.quotes?.length ? html`<details><summary>${words.say('site.passages', { count: source.quotes.length })}</summary>${source.quotes.map((quote) => passage(site, quote))}</details>` : ''}
</article>`,
  );
  const counts = { sources: words.say('site.source-count', { count: sources.length }), passages: words.say('site.passage-count', { count: passages }) };
  const main = html`<h1>${words.say('sources.heading')}</h1>
<p>${words.say('site.sources-lead', counts)} ${words.say('site.reviewed', { title: tree.title, date: tree.reviewed })}</p>
${entries}`;
  return page(site, { title: words.say('sources.heading'), here: (there) => there.sources, back: addresses(site).index, main });
}

/** A quoted passage, in its language (English when it names none), with its English rendering. */
function passage(site: Site, quote: Quote): Html {
  const { words } = site;
  return html`<figure class="passage">
<blockquote${langOf(site, quote.lang ?? ROOT_LANGUAGE)}><p>${quote.text}</p></blockquote>
${quote.en ? html`<p class="english">${words.say('site.in-english')} ${textIn(site, ROOT_LANGUAGE, words.say('sources.quote', { text: quote.en }))}</p>` : ''}
${quote.seen ? html`<figcaption>${words.say('site.seen-at')} ${withLinks(quote.seen)}</figcaption>` : ''}
</figure>`;
}

/** The index: the question, the outcomes by the first question and the first varying one (region and app), the review, a start link. */
export function renderIndexPage(site: Site): string {
  const { words, tree } = site;
  const at = addresses(site);
  const main = html`<h1>${tree.question}</h1>
<p class="lead">${words.say('site.index-lead')}</p>
<p><a class="button" href="${at.start}">${words.say('site.start')}</a></p>
<p>${words.say('site.several')} <a href="${at.plan}">${words.say('site.make-plan')}</a></p>
${outcomeTable(site)}
<h2>${words.say('site.how-sourced')}</h2>
<p>${words.say('site.how-sourced-text')}</p>
<p class="reviewed">${words.say('site.reviewed', { title: tree.title, date: tree.reviewed })} <a href="${at.sources}">${words.say('site.read-sources')}</a></p>
<h2>${words.say('site.in-a-terminal')}</h2>
<p>${words.say('site.in-a-terminal-text')} <code>npx ${site.command}</code></p>`;
  return page(site, { title: tree.title, here: (there) => there.index, main, wide: true });
}

/**
 * A table from the matrix: a row per answer to the first question, a column per answer to the
 * first varying key (or the next key asked), each cell the outcomes found there, linked to the
 * page those two answers lead to.
 */
function outcomeTable(site: Site): Html {
  const { words, tree } = site;
  const at = addresses(site);
  const keys = answerKeys(tree);
  const rowKey = keys[0]!.key;
  const columnKey = [...(tree.varying ?? []), ...keys.map((k) => k.key)].find((key) => key !== rowKey);
  const label = answerLabels(tree);
  const rowValues = keys[0]!.values;
  const columnValues = keys.find((k) => k.key === columnKey)?.values ?? [];
  const outcomes = new Map<string, Set<Outcome>>();
  for (const row of buildMatrix(tree).rows) {
    const cell = `${row.answers[rowKey]}\n${columnKey === undefined ? '' : (row.answers[columnKey] ?? '')}`;
    outcomes.set(cell, (outcomes.get(cell) ?? new Set()).add(row.outcome));
  }
  /** The outcomes found for these answers, linked to the page they lead to; `columnValue` is left out for a path that never asks the column's key. */
  const cell = (rowValue: string, columnValue?: string, span = 1) => {
    const found = outcomes.get(`${rowValue}\n${columnValue ?? ''}`);
    if (!found) return html`<td></td>`;
    const answers = answerRecord({ [rowKey]: rowValue }, columnKey === undefined || columnValue === undefined ? {} : { [columnKey]: columnValue });
    const link = at.answered(addressOf(tree, walk(tree, answers).path));
    // Each outcome in its colour, and a comma between them for those who do not see the colours.
    const text = OUTCOME_ORDER.filter((o) => found.has(o)).map((o, i) => html`${i > 0 ? html`<span class="visually-hidden">, </span>` : ''}<span class="tag tag-${o}">${words.say(`site.outcome.${o}.short`)}</span>`);
    return html`<td${span > 1 ? html` colspan="${span}"` : ''}><a class="cell-link" href="${link}">${text}</a></td>`;
  };
  const columns = columnKey === undefined ? [] : columnValues;
  // A row whose paths never ask the column's key (a region with no choice of app) has one cell across.
  const row = (rowValue: string) =>
    columns.some((columnValue) => outcomes.has(`${rowValue}\n${columnValue}`))
      ? columns.map((columnValue) => cell(rowValue, columnValue))
      : cell(rowValue, undefined, Math.max(1, columns.length));
  const caption = columnKey === undefined ? words.say('site.table-caption-rows', { rows: rowKey }) : words.say('site.table-caption', { rows: rowKey, columns: columnKey });
  return html`<h2 id="outcomes">${caption}</h2>
<p>${words.say('site.table-note')}</p>
<div class="table-scroll" role="region" aria-labelledby="outcomes" tabindex="0">
<table class="outcomes">
<thead><tr><th scope="col">${rowKey}</th>${columnKey === undefined ? html`<th scope="col">${words.say('site.outcome')}</th>` : columns.map((value) => html`<th scope="col">${label(columnKey, value)}</th>`)}</tr></thead>
<tbody>${rowValues.map((rowValue) => html`<tr><th scope="row">${label(rowKey, rowValue)}</th>${row(rowValue)}</tr>`)}</tbody>
</table>
</div>`;
}

/**
 * The plan page: without JavaScript it says what it needs and where the single answers are;
 * plan.js makes the plan, with the words of `messages` (every word in the page's language).
 */
export function renderPlanPage(site: Site, messages: Readonly<Record<WordKey, Message>>): string {
  const { words } = site;
  const at = addresses(site);
  const main = html`<h1>${words.say('site.plan-title')}</h1>
<p class="lead">${words.say('site.plan-lead')}</p>
<div class="notice" id="plan-no-script">
<p>${words.say('site.plan-needs-script')}</p>
<p>${words.say('site.plan-without-script')}</p>
<p><a href="${at.start}">${words.say('site.start-first-question')}</a></p>
</div>
<div id="plan-app" hidden></div>`;
  const extraBody = html`<script type="application/json" id="plan-data">${scriptData(planPageData(site, messages))}</script>
<script src="${at.asset('plan.js')}" defer></script>`;
  return page(site, { title: words.say('site.plan-title'), here: (there) => there.plan, back: at.index, main, extraBody });
}
