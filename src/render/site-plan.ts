// The plan page's moving parts, which its script (browser/plan.ts) renders in the browser: the
// question being asked, the answers so far, and the plan itself, grouped as the terminal's plan
// (core/plan.ts): each verdict once, a shared step once and referred to after.
import type { Message } from '../core/catalogue.js';
import { onlyFor, planFlags, type Plan, type PlanGroup } from '../core/plan.js';
import type { Question, Tree } from '../core/schema.js';
import type { WordKey } from '../words.js';
import { externalLink, html, type Html } from './html.js';
import { addresses, citing, sourceEntry, type Site } from './site-layout.js';

/**
 * What the plan page hands its script: the tree in the page's language without its quoted
 * passages, which a plan does not show, and the words in that language (so that the script
 * bundles none: it is the same file for every language).
 */
export interface PlanPageData {
  lang: string;
  base: string;
  treeFlag: string;
  tree: Tree;
  /** Every word, as the catalogue has them (words.ts). */
  words: Readonly<Record<WordKey, Message>>;
}

/** `messages`: every word in the page's language. */
export function planPageData(site: Site, messages: Readonly<Record<WordKey, Message>>): PlanPageData {
  const sources = Object.fromEntries(Object.entries(site.tree.sources).map(([id, { quotes: _quotes, note: _note, ...source }]) => [id, source]));
  return { lang: site.lang, base: site.base, treeFlag: site.treeFlag, tree: { ...site.tree, sources }, words: messages };
}

export interface AskedQuestion {
  key: string;
  question: Question;
  /** A varying key: several answers (checkboxes); otherwise one (radios). */
  several: boolean;
  /** The values ticked: the earlier answer when it is being changed. */
  ticked: readonly string[];
  /** Continue was pressed with nothing ticked. */
  empty: boolean;
}

export function renderPlanQuestion(site: Site, asked: AskedQuestion): Html {
  const { words } = site;
  const { question } = asked;
  const type = asked.several ? 'checkbox' : 'radio';
  const error = asked.empty ? html`<p class="error-message" id="plan-error"><span class="visually-hidden">${words.say('site.error')} </span>${words.say('site.choose-at-least-one')}</p>` : '';
  const options = question.choices.map(
    (choice, i) => html`<div class="option"><input type="${type}" name="answer" id="plan-answer-${i}" value="${choice.value}"${asked.ticked.includes(choice.value) ? html` checked` : ''}>
<label for="plan-answer-${i}">${choice.label}</label></div>`,
  );
  return html`<form class="plan-question${asked.empty ? ' has-error' : ''}" data-key="${asked.key}" novalidate>
<fieldset aria-describedby="plan-hint${asked.empty ? ' plan-error' : ''}">
<legend><h2 id="plan-question" tabindex="-1">${question.prompt}</h2></legend>
<p class="hint" id="plan-hint">${question.help ? `${question.help} ` : ''}${words.say(asked.several ? 'site.choose-all' : 'site.choose-one')}</p>
${error}
<div class="options">${options}</div>
</fieldset>
<button type="submit" class="button">${words.say('site.continue')}</button>
</form>`;
}

export interface GivenAnswer {
  key: string;
  prompt: string;
  /** The labels of the values chosen. */
  text: string;
}

/** The answers so far, each with a Change button (a button: the plan is made on this page). */
export function renderPlanAnswers(site: Site, answers: GivenAnswer[]): Html {
  const { words } = site;
  if (answers.length === 0) return html``;
  const rows = answers.map(
    (answer) => html`<div class="summary-row"><dt>${answer.prompt}</dt><dd>${answer.text}</dd>
<dd class="summary-action"><button type="button" class="link-button" data-change="${answer.key}">${words.say('site.change')}<span class="visually-hidden"> ${words.say('site.change-which', { prompt: answer.prompt })}</span></button></dd></div>`,
  );
  return html`<section class="your-answers" aria-labelledby="plan-answers"><h2 id="plan-answers">${words.say('site.your-answers')}</h2><dl class="summary">${rows}</dl></section>`;
}

export function renderPlanMessage(text: string): Html {
  return html`<p class="error-message" role="alert">${text}</p>`;
}

/** The plan, short first: what to do, then nothing to do, then mitigations; the sources; the review date and the command line. */
export function renderPlan(site: Site, plan: Plan): Html {
  const { words, tree } = site;
  const cite = citing(site, plan.sources);
  // "Only for Instagram: …", unless the text already starts with whom it is for (as the terminal's plan).
  const only = (item: { only?: string }, text: string) => {
    const whom = onlyFor(item, text);
    return whom ? words.say('plan.only-for', { whom, text }) : text;
  };
  const groups = plan.sections.flatMap((section) => section.groups).length;
  const group = (g: PlanGroup) => html`<h4>${g.title} <span class="tag tag-${g.outcome}">${g.outcome}</span></h4>
${g.covers ? html`<p class="covers">${words.say('plan.for', { covers: g.covers })}</p>` : ''}
<p>${g.summary} ${cite(g.summarySources)}</p>
<ul class="plan-steps">${g.items.map((item) =>
    'same' in item
      ? html`<li class="same"><a href="#plan-step-${item.same}">${words.say('plan.same-steps', { count: 1, steps: String(item.same) })}</a></li>`
      : html`<li id="plan-step-${item.step.number}"><span class="step-number">${item.step.number}.</span> ${only(item.step, item.step.text)} ${cite(item.step.sources)}${
          item.step.url ? html`<br><span class="address">${externalLink(item.step.url)}</span>` : ''
        }</li>`,
  )}</ul>
${g.caveats.length > 0 ? html`<h5>${words.say('verdict.caveats')}</h5><ul>${g.caveats.map((caveat) => html`<li>${only(caveat, caveat.text)} ${cite(caveat.sources)}</li>`)}</ul>` : ''}
${g.disputed.map((dispute) => html`<h5>${words.say('verdict.disputed', { topic: only(dispute, dispute.topic) })}</h5><ul>${dispute.sides.map((side) => html`<li>${side.claim} ${cite(side.sources)}</li>`)}</ul>`)}`;
  const counts = { combinations: words.say('plan.combinations', { count: plan.combinations.length }), verdicts: words.say('plan.verdicts', { count: groups }) };
  return html`<h2 id="plan-result" tabindex="-1">${words.say('site.your-plan', { title: tree.title })}</h2>
<p class="plan-counts">${words.say('plan.counts', counts)}</p>
<p><a class="button" id="plan-download" download="plan.md" href="#">${words.say('site.download')}</a></p>
${plan.sections.map((section) => html`<h3>${section.title}</h3>${section.groups.map(group)}`)}
<h3>${words.say('sources.heading')}</h3>
<ol class="sources">${plan.sources.map((source, i) => html`<li id="ref-${i + 1}">${sourceEntry(site, source)} <a href="${addresses(site).source(source.id)}">${words.say('site.quoted-passages')}</a></li>`)}</ol>
<p class="reviewed">${words.say('site.reviewed', { title: tree.title, date: tree.reviewed })}</p>
<p class="terminal">${words.say('site.same-plan-in-terminal')} <code>${site.planCommand} ${planFlags(plan)}</code></p>`;
}
