// The plan as a Markdown checklist, to save and tick off: a header with the answers and the review
// date, a `- [ ]` item per step with its citations and link, the sources at the end. Its first line,
// a comment, gives the tree, its review date and the answers, for `optout-check changes` to read back.
// Tree text is untrusted: it is kept on one line and its Markdown syntax is escaped.
import { answerValue, onlyFor, planFlags, shownPlan, type Plan, type ShownGroup, type ShownPlan } from '../core/plan.js';
import { withSafeText } from '../core/safe-text.js';
import type { Words } from '../words.js';
import { code, link, md } from './markdown.js';
import { sourceLine } from './source-line.js';

/** The comment that starts a saved plan, as `savedLine` writes it. */
export const SAVED_LINE = /^<!-- optout-check plan; tree: ([a-z0-9-]+); reviewed: (\d{4}-\d{2}-\d{2});(?: lang: ([a-z]{2,3}(?:-[a-z0-9]+)*);)? answers:((?: [a-z0-9-]+=[a-z0-9,-]+)*) -->$/;

/** Ids and values are lowercase letters, digits and dashes (the schema says so): nothing here ends the comment. */
const savedLine = ({ tree, answers }: Pick<ShownPlan, 'tree' | 'answers'>, lang: string): string =>
  `<!-- optout-check plan; tree: ${tree.id}; reviewed: ${tree.reviewed};${lang === 'en' ? '' : ` lang: ${lang};`} answers:${answers.map((answer) => ` ${answer.key}=${answerValue(answer)}`).join('')} -->`;

export function renderPlanMarkdown(untrusted: Plan, untrustedCommand: string, words: Words): string {
  // Every string from the tree or the command line, made safe once.
  const [plan, command] = withSafeText([shownPlan(untrusted), untrustedCommand] as const);
  const number = new Map(plan.sources.map((source, i) => [source.id, i + 1]));
  const cite = (ids: string[]) => ids.map((id) => `[${number.get(id)}]`).join('');
  const only = (item: { only?: string }, text: string) => {
    const whom = onlyFor(item, text);
    return whom ? words.say('plan.only-for', { whom: md(whom), text: md(text) }) : md(text);
  };
  const { tree } = plan;
  const out: string[] = [];

  out.push(savedLine(plan, words.lang), `# ${words.say('plan.markdown-title', { title: md(tree.title) })}`, '');
  for (const answer of plan.answers) out.push(`- **${md(answer.prompt)}** ${md(answer.text)}`);
  out.push(
    '',
    words.say('plan.markdown-made', {
      reviewed: tree.reviewed,
      id: `\`${tree.id}\``,
      combinations: words.say('plan.combinations', { count: plan.combinationCount }),
      verdicts: words.say('plan.verdicts', { count: plan.sections.flatMap((s) => s.groups).length }),
      command: code(`${command} ${planFlags(plan)} --format markdown`),
    }),
  );

  const group = (g: ShownGroup) => {
    out.push('', `### ${md(g.title)} (${g.outcome})`, '');
    if (g.covers) out.push(words.say('plan.for', { covers: md(g.covers) }), '');
    out.push(`${md(g.summary)} ${cite(g.summarySources)}`, '');
    for (const item of g.items) {
      if ('same' in item) {
        out.push(`- ${words.say('plan.same-steps', { count: 1, steps: String(item.same) })}`);
        continue;
      }
      const { step } = item;
      out.push(`- [ ] **${step.number}.** ${only(step, step.text)} ${cite(step.sources)}${step.url ? ` ${link(step.url)}` : ''}`);
    }
    if (g.caveats.length > 0) {
      out.push('', `${words.say('verdict.caveats')}:`, '');
      for (const caveat of g.caveats) out.push(`- ${only(caveat, caveat.text)} ${cite(caveat.sources)}`);
    }
    for (const dispute of g.disputed) {
      out.push('', words.say('verdict.disputed', { topic: only(dispute, dispute.topic) }), '');
      for (const side of dispute.sides) out.push(`- ${md(side.claim)} ${cite(side.sources)}`);
    }
  };

  for (const section of plan.sections) {
    out.push('', `## ${md(section.title)}`);
    section.groups.forEach(group);
  }

  out.push('', `## ${words.say('sources.heading')}`, '');
  plan.sources.forEach((source, i) => out.push(`${i + 1}. ${sourceLine(source, words, md, link)}`));
  return `${out.join('\n')}\n`;
}
