// One generic runner for every tests/cases/<tree>.cases.yaml: each scenario is a row of data
// (answers -> expected outcome, verdict and sources), traced to the dossier section it rests on.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { citedSourceIds } from '../../src/core/citations.js';
import type { Tree, Verdict } from '../../src/core/schema.js';
import { tailor } from '../../src/core/tailor.js';
import { walk } from '../../src/core/walk.js';
import { loadTree } from '../../src/load/tree-file.js';
import { ROOT } from '../helpers.js';

interface Case {
  name: string;
  dossier: string;
  answers: Record<string, string>;
  outcome?: string;
  verdict?: string;
  sources?: string[];
  /** Passages the reader of this path is shown (the verdict tailored to the answers), verbatim. */
  says?: string[];
  /** Passages the reader of this path must not be shown. */
  doesNotSay?: string[];
  error?: 'not-applicable';
}

/** Every text of the verdict as this reader sees it: headline, summary, steps with their links, caveats, disputes. */
function shownText(verdict: Verdict): string {
  return [
    verdict.title,
    verdict.summary,
    ...verdict.steps.flatMap((step) => [step.text, step.url ?? '']),
    ...(verdict.caveats ?? []).map((caveat) => caveat.text),
    ...(verdict.disputed ?? []).flatMap((dispute) => [dispute.topic, ...dispute.sides.map((side) => side.claim)]),
  ].join('\n');
}

const files = readdirSync(`${ROOT}tests/cases`).filter((f) => f.endsWith('.cases.yaml'));

describe.each(files)('%s', (file) => {
  const { tree: treeId, cases } = parse(readFileSync(`${ROOT}tests/cases/${file}`, 'utf8')) as { tree: string; cases: Case[] };
  let tree: Tree;
  beforeAll(async () => {
    tree = await loadTree(`${ROOT}trees/${treeId}.yaml`);
  });

  it('names its tree, traces every case to the dossier, and expects something checkable', () => {
    expect(file).toBe(`${treeId}.cases.yaml`);
    for (const c of cases) {
      expect(c.dossier, c.name).toMatch(/§\d/);
      expect(c.error === 'not-applicable' || (c.outcome && c.sources?.length), c.name).toBeTruthy();
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = walk(tree, c.answers);
    if (c.error) {
      expect(result.kind).toBe(c.error);
      return;
    }
    expect(result.kind).toBe('verdict');
    if (result.kind !== 'verdict') return;
    expect(result.verdict.outcome).toBe(c.outcome);
    if (c.verdict) expect(result.verdictId).toBe(c.verdict);
    expect(citedSourceIds(result.verdict)).toEqual(expect.arrayContaining(c.sources!));
    const shown = shownText(tailor(result.verdict, c.answers));
    for (const text of c.says ?? []) expect(shown, c.name).toContain(text);
    for (const text of c.doesNotSay ?? []) expect(shown, c.name).not.toContain(text);
  });
});

it('the Meta tree has at least 40 scenarios', () => {
  const { cases } = parse(readFileSync(`${ROOT}tests/cases/meta-ai-training.cases.yaml`, 'utf8')) as { cases: Case[] };
  expect(cases.length).toBeGreaterThanOrEqual(40);
});
