// Every quote is filed under the source that wrote it (dossier §8.1). A `primary` or `regulator`
// source carries only that body's own words: the passages the December 2026 review found filed
// under the wrong source must stay where they now belong.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Source, Tree } from '../../src/core/schema.js';
import { loadTree } from '../../src/load/tree-file.js';
import { ROOT } from '../helpers.js';

interface Misfiled {
  item: string;
  /** A distinctive part of the passage. */
  passage: string;
  /** The source that wrote it, where the tree still quotes it; absent for a paraphrase it dropped. */
  writer?: string;
}

const MISFILED: Misfiled[] = [
  { item: 'A1', passage: 'excluding the UK, the European Union and South Korea', writer: 'reuters-2025-10' },
  { item: 'A1', passage: 'they will not have an option to opt out, the social media giant said', writer: 'reuters-2025-10' },
  { item: 'A1', passage: 'whether by voice or text, would be added to existing data', writer: 'reuters-2025-10' },
  { item: 'A1', passage: 'unless the WhatsApp account is added to the Accounts Center', writer: 'swipeinsight-2025' },
  { item: 'A1', passage: 'through tools like Ads Preferences and feed controls', writer: 'swipeinsight-2025' },
  { item: 'A1', passage: 'only interactions from December 16 onward will be used', writer: 'particle-2025' },
  { item: 'A1', passage: 'AI interactions won’t influence experience in other apps' },
  { item: 'A2', passage: 'Per the DPC, Meta has updated its transparency notices', writer: 'register-2025-05' },
  { item: 'A2', passage: 'The report is due to the DPC in October', writer: 'register-2025-05' },
  { item: 'A3', passage: 'Visit the “Generative AI Data Subject Rights” form', writer: 'iphoneincanada-2023' },
  { item: 'A4', passage: 'in response to our request' },
  { item: 'A4', passage: 'the ICO has not yet granted regulatory approval' },
  { item: 'A5', passage: 'This information includes anything you post' },
];

/** Words with which a writer reports what someone else said: not the body's own voice. */
const REPORTING = /\b(said|says|according to|per the)\b/i;

let tree: Tree;
beforeAll(async () => {
  tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
});

const sources = (): [string, Source][] => Object.entries(tree.sources);
const quoting = (passage: string) => sources().filter(([, s]) => s.quotes?.some((q) => q.text.includes(passage))).map(([id]) => id);
const ownVoice = (s: Source) => s.kind === 'primary' || s.kind === 'regulator';

describe('dossier §8.1: each passage under the source that wrote it', () => {
  it.each(MISFILED.map((m) => [m.item, m.passage, m] as const))('%s: “%s”', (_, __, { passage, writer }) => {
    const holders = quoting(passage);
    expect(holders.filter((id) => ownVoice(tree.sources[id]!))).toEqual([]);
    expect(holders).toEqual(writer ? [writer] : []);
  });

  it('A4: the ICO statement is quoted as the outlets print it', () => {
    const ico = tree.sources['ico-2024-09']!.quotes!.map((q) => q.text);
    expect(ico).toContain('In June, Meta paused its plans to use Facebook and Instagram user data to train generative AI in response to a request from the ICO.');
  });

  it('A5: Trusted Reviews and Which? are cited at their original addresses, as press', () => {
    for (const id of ['trustedreviews-2024', 'which-2024']) {
      expect(tree.sources[id]!.url, id).toMatch(/^https:\/\/www\.(trustedreviews\.com|which\.co\.uk)\//);
      expect(tree.sources[id]!.kind, id).toBe('press');
    }
    expect(quoting('This information would include anything you post')).toEqual(['which-2024']);
  });

  it('the notice copied from mkln.org says where it differs from Meta’s own Privacy Center page', () => {
    const [first] = tree.sources['meta-eu-notice-2025']!.quotes!;
    expect(first!.text).toContain('dass wir wie öffentliche Beiträge');
    expect(first!.seen).toContain('https://www.facebook.com/privacy/center/');
    expect(first!.seen).toContain('dass wir öffentliche Informationen wie');
  });

  it('A6: no date is taken from Sampi’s November article; Social Samosa’s report is dated to October 2025', () => {
    expect(tree.sources['sampi-2025-11']!.quotes!.some((q) => /16 de dezembro/.test(q.text))).toBe(false);
    expect(tree.sources['socialsamosa-2025']!.published).toBe('2025-10');
  });
});

it('no primary or regulator source quotes a writer reporting what someone said', () => {
  const reported = sources()
    .filter(([, s]) => ownVoice(s))
    .flatMap(([id, s]) => (s.quotes ?? []).filter((q) => REPORTING.test(q.text)).map((q) => `${id}: ${q.text}`));
  expect(reported).toEqual([]);
});
