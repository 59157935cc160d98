// `optout-check changes`: what is different from a saved answer or plan, in plain words, or as
// JSON (schemaVersion 1). Tree text is untrusted: made safe where it is written.
import type { Changes, SeenStep, SeenVerdict } from '../core/changes.js';
import { safeJson, safeText } from '../core/safe-text.js';

export function renderChangesText(changes: Changes, file: string): string {
  const { then, now } = changes.reviewed;
  const again = then === now ? '' : ` The tree was reviewed again on ${now}.`;
  if (!changes.changed) return `${safeText(`Nothing has changed since ${then}: the same outcome, headline and steps as in ${file}.${again}`)}\n`;

  const out: string[] = [`Compared with ${file}, today's answer to the same questions:`, ''];
  const verdictLines = [
    ...changes.verdicts.changed.flatMap(({ then: old, now: fresh }) => changedVerdict(old, fresh)),
    ...changes.verdicts.removed.map((gone) => `No longer: ${verdict(gone)}${gone.covers ? `, for ${gone.covers}` : ''}.`),
    ...changes.verdicts.added.map((fresh) => `New: ${verdict(fresh)}${fresh.covers ? `, for ${fresh.covers}` : ''}.`),
  ];
  if (verdictLines.length > 0) out.push('The answer:', ...verdictLines.map((line) => `  ${line}`), '');
  const { added, removed, reworded } = changes.steps;
  if (added.length > 0) out.push('Steps added:', ...added.map((s) => `  + ${step(s)}`), '');
  if (removed.length > 0) out.push('Steps removed:', ...removed.map((s) => `  - ${step(s)}`), '');
  if (reworded.length > 0) out.push('Steps reworded:', ...reworded.flatMap((pair) => [`  was: ${step(pair.then)}`, `  now: ${step(pair.now)}`]), '');
  out.push(`Reviewed ${then} then, ${now} now.`);
  return `${safeText(out.join('\n'))}\n`;
}

const verdict = (v: SeenVerdict): string => `“${v.title}” (${v.outcome})`;
const step = (s: SeenStep): string => `${s.text}${s.url ? ` ${s.url}` : ''}`;

function changedVerdict(old: SeenVerdict, fresh: SeenVerdict): string[] {
  if (old.covers !== fresh.covers) return [`${verdict(fresh)} now covers ${fresh.covers} (it covered ${old.covers}).`];
  // One answer: its outcome and headline, each said apart.
  if (old.covers === '') {
    return [
      ...(old.outcome !== fresh.outcome ? [`Outcome: was ${old.outcome}, now ${fresh.outcome}.`] : []),
      ...(old.title !== fresh.title ? [`Headline: was “${old.title}”, now “${fresh.title}”.`] : []),
    ];
  }
  return [`For ${fresh.covers}: was ${verdict(old)}, now ${verdict(fresh)}.`];
}

export function renderChangesJson(changes: Changes, tree: string, answers: Record<string, string>): string {
  return `${safeJson({ schemaVersion: 1, changed: changes.changed, tree: { id: tree, reviewed: changes.reviewed }, answers, verdicts: changes.verdicts, steps: changes.steps })}\n`;
}
