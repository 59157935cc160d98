// The plan for people: the answers, then each verdict once under "What to do", "Nothing to do"
// and "No opt-out, only mitigations", with the combinations it covers, numbered steps (a shared
// step once, referred to after), [n] citations, the sources and the review date.
import { planFlags, shownPlan, type Plan, type ShownGroup } from '../core/plan.js';
import { safeLine, withSafeText } from '../core/safe-text.js';
import { paint } from '../terminal/colour.js';
import { HEADLINE, sourceLine } from './text.js';

/** `command` is how the person ran the tool, e.g. `optout-check plan`, for the reproduce line. */
export function renderPlanText(untrusted: Plan, untrustedCommand: string, colour: boolean): string {
  // Every string from the tree or the command line, made safe once, before colours are added.
  const [plan, command] = withSafeText([shownPlan(untrusted), untrustedCommand] as const);
  const chalk = paint(colour);
  const number = new Map(plan.sources.map((source, i) => [source.id, i + 1]));
  const cite = (ids: string[]) => chalk.dim(ids.map((id) => `[${number.get(id)}]`).join(''));
  const only = (item: { only?: string }) => (item.only ? `Only for ${item.only}: ` : '');
  const groups = plan.sections.flatMap((s) => s.groups).length;
  const out: string[] = [];

  out.push(chalk.bold(`Your plan: ${plan.tree.title}`));
  out.push(plan.answers.map((a) => `${a.prompt} ${a.text}.`).join(' '));
  out.push(`${plan.combinationCount} combination${plan.combinationCount === 1 ? '' : 's'}, ${groups} different answer${groups === 1 ? '' : 's'}.`);

  const renderGroup = (group: ShownGroup) => {
    out.push('', chalk.bold[HEADLINE[group.outcome]](`${group.title} (${group.outcome})`));
    if (group.covers) out.push(chalk.italic(`For ${group.covers}`));
    out.push(`${group.summary} ${cite(group.summarySources)}`);
    for (const item of group.items) {
      if ('same' in item) {
        out.push(`  - Step ${item.same} above.`);
        continue;
      }
      const { step } = item;
      out.push(`  ${step.number}. ${only(step)}${step.text} ${cite(step.sources)}`);
      if (step.url) out.push(`     ${chalk.underline(step.url)}`);
    }
    if (group.caveats.length > 0) {
      out.push(chalk.bold('Caveats'));
      for (const caveat of group.caveats) out.push(`  - ${only(caveat)}${caveat.text} ${cite(caveat.sources)}`);
    }
    for (const dispute of group.disputed) {
      out.push(chalk.bold(`Sources disagree: ${only(dispute)}${dispute.topic}`));
      for (const side of dispute.sides) out.push(`  - ${side.claim} ${cite(side.sources)}`);
    }
  };

  for (const section of plan.sections) {
    out.push('', chalk.bold.underline(section.title.toUpperCase()));
    section.groups.forEach(renderGroup);
  }

  out.push('', chalk.bold('Sources'));
  plan.sources.forEach((source, i) => out.push(`  [${i + 1}] ${sourceLine(source)}`));
  // One line: a newline in the title must not start a line of its own, a forged reproduce line say.
  out.push('', chalk.dim(`${safeLine(plan.tree.title)}: reviewed ${plan.tree.reviewed}. Same plan in a script: ${command} ${planFlags(plan)}`));
  return `${out.join('\n')}\n`;
}
