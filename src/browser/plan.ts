/// <reference lib="dom" />
// The plan page's script, bundled by scripts/build.mjs into the site's plan.js. It asks as the
// terminal's plan does (shared answers once, several apps and kinds of content at a time), then
// makes the plan with the same core and renderers: the same grouping, shared steps once, and the
// same Markdown checklist to download. Answers given on the question page that linked here
// (plan.html?region=eu) are taken as given. Its words and the tree come in the page's language.
import { answerKeys, checkAnswers } from '../core/answers.js';
import { answerLabels } from '../core/coverage.js';
import { explore, nextOpenQuestion } from '../core/combinations.js';
import { answerRecord } from '../core/graph.js';
import { buildPlan } from '../core/plan.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { html, type Html } from '../render/html.js';
import { site as siteOf } from '../render/site-layout.js';
import { renderPlan, renderPlanAnswers, renderPlanMessage, renderPlanQuestion, type PlanPageData } from '../render/site-plan.js';
import { planPhrases, wordsIn } from '../words.js';

const data = JSON.parse(document.getElementById('plan-data')!.textContent!) as PlanPageData;
const { tree } = data;
const site = siteOf(tree, { ...data, words: wordsIn(data.lang, data.words) });
const varying = new Set(tree.varying ?? []);
const app = document.getElementById('plan-app')!;

/** The answers, in the order given: one value for a shared key, one or more for a varying key. */
const given = new Map<string, string[]>();
/** Answers taken back with Change, to tick again when their question comes back. */
const earlier = new Map<string, string[]>();
let download: string | undefined;

for (const [key, value] of new URLSearchParams(location.search)) {
  const checked = checkAnswers(tree, answerRecord({ [key]: value }));
  if (checked.problems.length === 0 && !given.has(key)) given.set(key, [checked.answers[key]!]);
}

function state() {
  const shared = answerRecord();
  const selection = new Map<string, string[]>();
  for (const [key, values] of given) {
    if (varying.has(key)) selection.set(key, values);
    else shared[key] = values[0]!;
  }
  return { shared, selection };
}

const label = answerLabels(tree);
const prompts = new Map(answerKeys(tree).map(({ key, prompt }) => [key, prompt]));

const answersSoFar = (): Html =>
  renderPlanAnswers(
    site,
    [...given].map(([key, values]) => ({ key, prompt: prompts.get(key) ?? key, text: values.map((value) => label(key, value)).join(', ') })),
  );

/** Shows the next question, or the plan once every combination has reached a verdict. */
function show(options: { empty?: boolean; message?: string; focus: boolean }): void {
  const { shared, selection } = state();
  const exploration = explore(tree, shared, selection);
  const none = exploration.combinations.length === 0 && exploration.open.length === 0;
  if ((none || exploration.tooMany) && given.size > 0) {
    const last = [...given.keys()].at(-1)!;
    earlier.set(last, given.get(last)!);
    given.delete(last);
    return show({ message: site.words.say(none ? 'site.none-exists' : 'site.too-many'), focus: options.focus });
  }
  if (download) URL.revokeObjectURL(download);
  download = undefined;
  const message = options.message ? renderPlanMessage(options.message) : html``;
  if (exploration.open.length > 0 && !exploration.tooMany) {
    const { key, question } = nextOpenQuestion(exploration.open);
    const asked = renderPlanQuestion(site, { key, question, several: varying.has(key), ticked: earlier.get(key) ?? [], empty: options.empty ?? false });
    app.innerHTML = html`${message}${asked}${answersSoFar()}`.markup;
    if (options.focus) document.getElementById('plan-question')!.focus();
    return;
  }
  const plan = buildPlan(tree, exploration.combinations, shared, selection, planPhrases(site.words));
  app.innerHTML = html`${message}${answersSoFar()}${renderPlan(site, plan)}`.markup;
  const markdown = renderPlanMarkdown(plan, site.planCommand, site.words);
  download = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
  (document.getElementById('plan-download') as HTMLAnchorElement).href = download;
  if (options.focus) document.getElementById('plan-result')!.focus();
}

app.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const values = new FormData(form).getAll('answer').map(String);
  const key = form.dataset.key!;
  if (values.length === 0) return show({ empty: true, focus: true });
  given.set(key, values);
  show({ focus: true });
});

app.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-change]');
  if (!button) return;
  // Later answers may depend on this one: they are asked again, with the earlier choice ticked.
  const keys = [...given.keys()];
  for (const key of keys.slice(keys.indexOf(button.dataset.change!))) {
    earlier.set(key, given.get(key)!);
    given.delete(key);
  }
  show({ focus: true });
});

document.getElementById('plan-no-script')!.hidden = true;
app.hidden = false;
show({ focus: false });
