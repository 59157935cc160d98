// The stable JSON documents for --json (schemaVersion 1): the verdict, and an error. Fields are
// added, never renamed.
import type { Report } from '../core/report.js';
import { safeJson } from '../core/safe-text.js';
import type { CliError } from '../errors.js';
import { ENGLISH_WORDS, withoutErrorLine, type Words } from '../words.js';

export function renderJson(report: Report): string {
  const { tree, verdict } = report;
  const document = {
    schemaVersion: 1,
    // The language of the texts: English unless a translation was shown (--lang).
    lang: tree.lang ?? 'en',
    tree: { id: tree.id, title: tree.title, reviewed: tree.reviewed },
    answers: report.answers,
    path: report.path.map((step) => ({ question: step.ask, node: step.question, answer: step.answer, label: step.label, ...(step.auto ? { auto: true } : {}) })),
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

/**
 * The one JSON document that --json prints for a usage error (exit 2) or an invalid tree (exit 3).
 * `words`: the language of the message, whose "error: " (in English) is left out.
 */
export function renderJsonError(error: CliError, words: Words): string {
  // The message printed on stderr, without its "error: " prefix (the run's language's, or English's).
  const message = withoutErrorLine(words, withoutErrorLine(ENGLISH_WORDS, error.message));
  return `${safeJson({ schemaVersion: 1, error: { code: error.code, message, ...error.details } })}\n`;
}
