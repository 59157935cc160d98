// The plan as a Markdown checklist, to save and tick off: a header with the answers and the review
// date, a `- [ ]` item per step with its citations and link, the sources at the end.
// Tree text is untrusted: it is kept on one line and its Markdown syntax is escaped.
import { planFlags, shownPlan, type Plan, type ShownGroup } from '../core/plan.js';
import { withSafeText } from '../core/safe-text.js';
import { code, link, md } from './markdown.js';

export function renderPlanMarkdown(untrusted: Plan, untrustedCommand: string): string {
  // Every string from the tree or the command line, made safe once.
  const [plan, command] = withSafeText([shownPlan(untrusted), untrustedCommand] as const);
  const number = new Map(plan.sources.map((source, i) => [source.id, i + 1]));
  const cite = (ids: string[]) => ids.map((id) => `[${number.get(id)}]`).join('');
  const only = (item: { only?: string }) => (item.only ? `Only for ${md(item.only)}: ` : '');
  const { tree } = plan;
  const out: string[] = [];

  out.push(`# Plan: ${md(tree.title)}`, '');
  for (const answer of plan.answers) out.push(`- **${md(answer.prompt)}** ${md(answer.text)}`);
  out.push(
    '',
    `Reviewed ${tree.reviewed} (tree \`${tree.id}\`). ${plan.combinationCount} combinations, ` +
      `${plan.sections.flatMap((s) => s.groups).length} different answers. Made with ${code(`${command} ${planFlags(plan)} --format markdown`)}.`,
  );

  const group = (g: ShownGroup) => {
    out.push('', `### ${md(g.title)} (${g.outcome})`, '');
    if (g.covers) out.push(`For ${md(g.covers)}.`, '');
    out.push(`${md(g.summary)} ${cite(g.summarySources)}`, '');
    for (const item of g.items) {
      if ('same' in item) {
        out.push(`- Step ${item.same} above.`);
        continue;
      }
      const { step } = item;
      out.push(`- [ ] **${step.number}.** ${only(step)}${md(step.text)} ${cite(step.sources)}${step.url ? ` ${link(step.url)}` : ''}`);
    }
    if (g.caveats.length > 0) {
      out.push('', 'Caveats:', '');
      for (const caveat of g.caveats) out.push(`- ${only(caveat)}${md(caveat.text)} ${cite(caveat.sources)}`);
    }
    for (const dispute of g.disputed) {
      out.push('', `Sources disagree: ${only(dispute)}${md(dispute.topic)}`, '');
      for (const side of dispute.sides) out.push(`- ${md(side.claim)} ${cite(side.sources)}`);
    }
  };

  for (const section of plan.sections) {
    out.push('', `## ${section.title}`);
    section.groups.forEach(group);
  }

  out.push('', '## Sources', '');
  plan.sources.forEach((source, i) => {
    const where = source.url ? link(source.url) : '(no web address)';
    out.push(`${i + 1}. ${md(source.publisher)}, "${md(source.title)}", ${md(source.published)} (${source.kind}). ${where}`);
  });
  return `${out.join('\n')}\n`;
}
