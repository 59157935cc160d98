// Which sources a verdict cites, numbered in the order a reader meets them.
import type { Verdict } from './schema.js';

export function citedSourceIds(verdict: Verdict): string[] {
  const ids = new Set<string>(verdict.sources);
  for (const step of verdict.steps) step.sources.forEach((id) => ids.add(id));
  for (const caveat of verdict.caveats ?? []) caveat.sources.forEach((id) => ids.add(id));
  for (const dispute of verdict.disputed ?? []) for (const side of dispute.sides) side.sources.forEach((id) => ids.add(id));
  return [...ids];
}
