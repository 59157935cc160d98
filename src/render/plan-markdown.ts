// The plan as a Markdown checklist, to save and tick off: a header with the answers and the review
// date, a `- [ ]` item per step with its citations and link, the sources at the end. Its first line,
// a comment, gives the tree, its review date and the answers, for `optout-check changes` to read back.
// Tree text is untrusted: it is kept on one line and its Markdown syntax is escaped.
import { answerValue, onlyFor, planFlags, shownPlan, type Plan, type ShownGroup, type ShownPlan } from '../core/plan.js';
import { withSafeText } from '../core/safe-text.js';
import { code, link, md } from './markdown.js';

/** The comment that starts a saved plan, as `savedLine` writes it. */
export const SAVED_LINE = /^<!-- optout-check plan; tree: ([a-z0-9-]+); reviewed: (\d{4}-\d{2}-\d{2}); answers:((?: [a-z0-9-]+=[a-z0-9,-]+)*) -->$/;

/** Ids and values are lowercase letters, digits and dashes (the schema says so): nothing here ends the comment. */
const savedLine = ({ tree, answers }: Pick<ShownPlan, 'tree' | 'answers'>): string =>
  `<!-- optout-check plan; tree: ${tree.id}; reviewed: ${tree.reviewed}; answers:${answers.map((answer) => ` ${answer.key}=${answerValue(answer)}`).join('')} -->`;

export function renderPlanMarkdown(untrusted: Plan, untrustedCommand: string): string {
  // Every string from the tree or the command line, made safe once.
  const [plan, command] = withSafeText([shownPlan(untrusted), untrustedCommand] as const);
  const number = new Map(plan.sources.map((source, i) => [source.id, i + 1]));
  const cite = (ids: string[]) => ids.map((id) => `[${number.get(id)}]`).join('');
  const only = (item: { only?: string }, text: string) => (onlyFor(item, text) ? `Only for ${md(onlyFor(item, text)!)}: ` : '');
  const { tree } = plan;
  const out: string[] = [];

  out.push(savedLine(plan), `# Plan: ${md(tree.title)}`, '');
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
      out.push(`- [ ] **${step.number}.** ${only(step, step.text)}${md(step.text)} ${cite(step.sources)}${step.url ? ` ${link(step.url)}` : ''}`);
    }
    if (g.caveats.length > 0) {
      out.push('', 'Caveats:', '');
      for (const caveat of g.caveats) out.push(`- ${only(caveat, caveat.text)}${md(caveat.text)} ${cite(caveat.sources)}`);
    }
    for (const dispute of g.disputed) {
      out.push('', `Sources disagree: ${only(dispute, dispute.topic)}${md(dispute.topic)}`, '');
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
