// `sources check --json` (schemaVersion 1): one entry per address checked, worst first. Fields
// are added, never renamed.
import { statusOf, type SourcesReport } from '../core/freshness.js';
import { safeJson } from '../core/safe-text.js';

export function renderSourcesJson({ date, checks }: SourcesReport): string {
  const sources = checks.map((check) => ({
    id: check.sourceId,
    url: check.url,
    status: statusOf(check),
    ...(check.finalUrl !== check.url ? { finalUrl: check.finalUrl } : {}),
    ...(check.httpStatus !== undefined ? { httpStatus: check.httpStatus } : {}),
    quotes: check.quotes.map((quote) => ({ status: quote.status, ...(quote.similarity !== undefined ? { similarity: quote.similarity } : {}) })),
    ...(check.archive ? { archive: check.archive } : {}),
  }));
  return `${safeJson({ schemaVersion: 1, checked: date, sources })}\n`;
}
