// The scenario cases in German: every case of meta-ai-training.cases.yaml, walked on the tree as
// its German catalogue (trees/meta-ai-training.de.yaml) localises it, reaches the same verdict with
// the same outcome, sources, links and number of steps, caveats and disputes as in English, and
// shows each of its texts in German.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { citedSourceIds } from '../../src/core/citations.js';
import { showLabels } from '../../src/core/labels.js';
import type { Tree, Verdict } from '../../src/core/schema.js';
import { tailor } from '../../src/core/tailor.js';
import { localiseTree, translatableTexts } from '../../src/core/translatable.js';
import { walk } from '../../src/core/walk.js';
import { parseCatalogue, treeSubject } from '../../src/load/catalogue-file.js';
import { loadTree } from '../../src/load/tree-file.js';
import { ROOT } from '../helpers.js';

interface Case {
  name: string;
  answers: Record<string, string>;
}

const CATALOGUE = 'trees/meta-ai-training.de.yaml';
const { cases } = parse(readFileSync(`${ROOT}tests/cases/meta-ai-training.cases.yaml`, 'utf8')) as { cases: Case[] };

/** The texts a reader is shown, in order. */
const texts = (v: Verdict): string[] => [
  v.title,
  v.summary,
  ...v.steps.map((s) => s.text),
  ...(v.caveats ?? []).map((c) => c.text),
  ...(v.disputed ?? []).flatMap((d) => [d.topic, ...d.sides.map((s) => s.claim)]),
];

/** The verdict without its texts: outcome, sources, links and conditions, which no language changes. */
const structure = (v: Verdict): Verdict => ({
  ...v,
  title: '',
  summary: '',
  steps: v.steps.map((s) => ({ ...s, text: '' })),
  ...(v.caveats && { caveats: v.caveats.map((c) => ({ ...c, text: '' })) }),
  ...(v.disputed && { disputed: v.disputed.map((d) => ({ ...d, topic: '', sides: d.sides.map((s) => ({ ...s, claim: '' })) })) }),
});

let english: Tree;
let german: Tree;
let keep: Set<string>;
beforeAll(async () => {
  english = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
  const { value, problems } = parseCatalogue(readFileSync(`${ROOT}${CATALOGUE}`, 'utf8'), CATALOGUE, treeSubject(english));
  expect(problems).toEqual([]);
  keep = new Set(value!.catalogue.keep ?? []);
  const strings = new Map([...value!.strings].map(([key, text]) => [key, showLabels(text as string, (label) => `„${label}“`)]));
  german = localiseTree(english, 'de', strings);
});

it('the German catalogue translates every text of the tree, or keeps it as a product name', () => {
  const [en, de] = [translatableTexts(english), translatableTexts(german)];
  expect(de.map((t) => t.key)).toEqual(en.map((t) => t.key));
  const same = en.filter((t, i) => de[i]!.text === t.text).map((t) => t.text);
  expect([...new Set(same)].sort()).toEqual([...keep].sort());
});

describe('every scenario in German', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const [inEnglish, inGerman] = [walk(english, c.answers), walk(german, c.answers)];
    expect(inGerman.kind).toBe(inEnglish.kind);
    if (inEnglish.kind !== 'verdict' || inGerman.kind !== 'verdict') return;
    expect(inGerman.verdictId).toBe(inEnglish.verdictId);
    const [en, de] = [tailor(inEnglish.verdict, c.answers), tailor(inGerman.verdict, c.answers)];
    expect(de.outcome).toBe(en.outcome);
    expect(citedSourceIds(de)).toEqual(citedSourceIds(en));
    expect([de.steps.length, de.caveats?.length, de.disputed?.length]).toEqual([en.steps.length, en.caveats?.length, en.disputed?.length]);
    expect(structure(de)).toEqual(structure(en));
    const [shownEn, shownDe] = [texts(en), texts(de)];
    shownDe.forEach((text, i) => {
      expect(text, shownEn[i]).not.toBe(shownEn[i]);
      expect(text).not.toMatch(/\[\[|\]\]/);
    });
  });
});
