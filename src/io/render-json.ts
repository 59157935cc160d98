// The stable JSON document for --json (schemaVersion 1). Fields are added, never renamed.
import type { Report } from '../core/report.js';
import { safeJson } from '../core/safe-text.js';

export function renderJson(report: Report): string {
  const { tree, verdict } = report;
  const document = {
    schemaVersion: 1,
    tree: { id: tree.id, title: tree.title, reviewed: tree.reviewed },
    answers: report.answers,
    path: report.path.map((step) => ({ question: step.ask, node: step.question, answer: step.answer, label: step.label })),
    verdict: {
      id: report.verdictId,
      outcome: verdict.outcome,
      title: verdict.title,
      summary: verdict.summary,
      summarySources: verdict.sources,
      steps: verdict.steps,
      caveats: verdict.caveats ?? [],
      ...(verdict.disputed ? { disputed: verdict.disputed } : {}),
    },
    sources: report.sources,
    unused: report.unused,
    ...(report.explanation ? { explain: report.explanation } : {}),
  };
  return `${safeJson(document)}\n`;
}
