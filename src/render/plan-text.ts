// The plan for people: the answers, then each verdict once under "What to do", "Nothing to do"
// and "No opt-out, only mitigations", with the combinations it covers, numbered steps (a shared
// step once, referred to after), [n] citations, the sources and the review date.
import { onlyFor, planFlags, shownPlan, type Plan, type PlanItem, type ShownGroup } from '../core/plan.js';
import { withSafeText } from '../core/safe-text.js';
import { paint } from '../terminal/colour.js';
import { listed, type Words } from '../words.js';
import { citeNumbers } from './citations.js';
import { HEADLINE, quotesOf, sourceList } from './text.js';

/**
 * `command` is how the person ran the tool, e.g. `optout-check plan`, for the reproduce line.
 * `explain`: the sources in full, with the passages quoted.
 */
export function renderPlanText(untrusted: Plan, untrustedCommand: string, colour: boolean, words: Words, explain = false): string {
  // Every string from the tree or the command line, made safe once, before colours are added.
  const [plan, command] = withSafeText([shownPlan(untrusted), untrustedCommand] as const);
  const chalk = paint(colour);
  const number = new Map(plan.sources.map((source, i) => [source.id, i + 1]));
  const cite = (ids: string[]) => chalk.dim(citeNumbers(ids.map((id) => number.get(id)!)));
  const only = (item: { only?: string }, text: string) => {
    const whom = onlyFor(item, text);
    return whom ? words.say('plan.only-for', { whom, text }) : text;
  };
  const groups = plan.sections.flatMap((s) => s.groups).length;
  const out: string[] = [];

  out.push(chalk.bold(words.say('plan.heading', { title: plan.tree.title, reviewed: plan.tree.reviewed })));
  // The answers as chosen, in a line; the reproduce line at the end spells them as flags.
  const answers = plan.answers.map((a) => (a.all ? words.say('plan.key-all', { key: a.key }) : a.text)).join(' · ');
  const counts = { combinations: words.say('plan.combinations', { count: plan.combinationCount }), verdicts: words.say('plan.verdicts', { count: groups }) };
  out.push(`${answers}: ${words.say('plan.counts', counts)}`);

  const renderGroup = (group: ShownGroup, i: number) => {
    // The first group of a section follows its heading without a blank line.
    out.push(...(i > 0 ? [''] : []), chalk.bold[HEADLINE[group.outcome]](`${group.title} (${group.outcome})`));
    // Whom it is for, then what it says, in one paragraph: the rows a plan takes add up.
    out.push(`${group.covers ? `${chalk.italic(words.say('plan.for', { covers: group.covers }))} ` : ''}${group.summary} ${cite(group.summarySources)}`);
    for (const item of sameStepsTogether(group.items)) {
      if ('same' in item) {
        out.push(`  - ${words.say('plan.same-steps', { count: item.same.length, steps: listed(words, 'list.and', item.same.map(String)) })}`);
        continue;
      }
      const { step } = item;
      out.push(`  ${step.number}. ${only(step, step.text)} ${cite(step.sources)}`);
      if (step.url) out.push(`     ${chalk.underline(step.url)}`);
    }
    if (group.caveats.length > 0) {
      out.push(chalk.bold(words.say('verdict.caveats')));
      for (const caveat of group.caveats) out.push(`  - ${only(caveat, caveat.text)} ${cite(caveat.sources)}`);
    }
    for (const dispute of group.disputed) {
      out.push(chalk.bold(words.say('verdict.disputed', { topic: only(dispute, dispute.topic) })));
      for (const side of dispute.sides) out.push(`  - ${side.claim} ${cite(side.sources)}`);
    }
  };

  for (const section of plan.sections) {
    out.push('', chalk.bold.underline(section.title.toLocaleUpperCase(words.lang)));
    section.groups.forEach(renderGroup);
  }

  // Before the sources, so that a reader who quits the pager there has seen it.
  out.push('', chalk.dim(words.say('plan.reproduce', { command: `${command} ${planFlags(plan)}` })));
  // A loop, not a spread: with --explain the list holds every quote.
  for (const line of sourceList(plan.sources, chalk, words, explain ? quotesOf : undefined)) out.push(line);
  return `${out.join('\n')}\n`;
}

/** Consecutive references to earlier steps, as one: "Steps 1 and 2 above." */
function sameStepsTogether(items: PlanItem[]): ({ step: Extract<PlanItem, { step: unknown }>['step'] } | { same: number[] })[] {
  const together: ({ step: Extract<PlanItem, { step: unknown }>['step'] } | { same: number[] })[] = [];
  for (const item of items) {
    const last = together.at(-1);
    if ('step' in item) together.push(item);
    else if (last && 'same' in last) last.same.push(item.same);
    else together.push({ same: [item.same] });
  }
  return together;
}
