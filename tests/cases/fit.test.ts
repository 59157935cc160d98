// A verdict a person can take in, on every path of the built-in tree at 80 columns: headline,
// summary and every step first, in the first 32 rows; then caveats and disputes; then how to run
// it again, before the sources, where quitting the pager early does not hide it; and all of it in
// at most 70 rows. A plan for three accounts in at most 185: the target was 180, met at 178,
// until the Brazilian AI-chat verdict gained the sources' dispute on an opt-out from AI-chat ads
// (8 rows); a plan's coverage and summary now share a paragraph, which gave 4 of them back.
import { beforeAll, describe, expect, it } from 'vitest';
import { explore } from '../../src/core/combinations.js';
import { answersOf, enumeratePaths } from '../../src/core/paths.js';
import { buildPlan } from '../../src/core/plan.js';
import { buildReport } from '../../src/core/report.js';
import type { Tree } from '../../src/core/schema.js';
import { readAnswers } from '../../src/commands/plan.js';
import { loadTree } from '../../src/load/tree-file.js';
import { fitToWidth, rowsOf } from '../../src/terminal/layout.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { renderText } from '../../src/render/text.js';
import { ROOT } from '../helpers.js';
import { ENGLISH_WORDS, planPhrases } from '../../src/words.js';

const COLUMNS = 80;
const HEAD_ROWS = 32;
const VERDICT_ROWS = 70;
const PLAN_ROWS = 185;

let tree: Tree;
let all: ReturnType<typeof render>;
beforeAll(async () => {
  tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
  all = render();
});
const screens = () => all;

/** Each path's verdict as a terminal 80 columns wide shows it, split where the steps end. */
function render() {
  return enumeratePaths(tree).map(({ steps, verdictId }) => {
    const report = buildReport(tree, answersOf(steps), { path: steps, verdictId, verdict: tree.verdicts[verdictId]! }, false);
    const text = fitToWidth(renderText(report, 'optout-check', false, ENGLISH_WORDS), COLUMNS);
    const lines = text.split('\n');
    const stepsEnd = lines.indexOf('', lines.indexOf('What you can do'));
    return { name: steps.map((s) => `--${s.ask} ${s.answer}`).join(' '), report, text, lines, head: lines.slice(0, stepsEnd) };
  });
}

describe('short first, at 80 columns', () => {
  it('headline, summary and every step come first, then caveats and disputes, then how to run it again, then the sources', () => {
    for (const { name, report, lines, head } of screens()) {
      expect(head.join(' ').startsWith(`${report.verdict.title} (${report.verdict.outcome})`), name).toBe(true);
      expect(head.filter((line) => /^ {2}\d+\. /.test(line)), name).toHaveLength(report.verdict.steps.length);
      const after = lines.slice(head.length);
      expect(after.some((line) => /^ {2}\d+\. /.test(line)), name).toBe(false);
      const again = after.findIndex((line) => line.startsWith('Reviewed '));
      const sources = after.findIndex((line) => line.startsWith('Sources ['));
      expect(again, name).toBeGreaterThan(after.findLastIndex((line) => /^ {2}- /.test(line)));
      expect(sources, name).toBeGreaterThan(again);
    }
  });

  it(`headline, summary and every step fit in the first ${HEAD_ROWS} rows, on every path`, () => {
    const tooLong = screens()
      .map(({ name, head }) => ({ name, rows: rowsOf(head.join('\n'), COLUMNS) }))
      .filter(({ rows }) => rows > HEAD_ROWS);
    expect(tooLong).toEqual([]);
  });
});

describe('short enough to take in, at 80 columns', () => {
  it(`every verdict takes at most ${VERDICT_ROWS} rows, on every path`, () => {
    const rows = screens().map(({ name, text }) => ({ name, rows: rowsOf(text, COLUMNS) }));
    expect(rows).toHaveLength(enumeratePaths(tree).length);
    expect(rows.filter(({ rows }) => rows > VERDICT_ROWS)).toEqual([]);
    // The one a newcomer tried first, which took 119 rows before the sources were listed by kind.
    const eu = rows.find(({ name }) => name === '--region eu --platform instagram --content photos --visibility public --age adult')!;
    expect(eu.rows).toBeLessThanOrEqual(VERDICT_ROWS);
  });

  it(`the plan for three Brazilian accounts takes at most ${PLAN_ROWS} rows`, () => {
    const { shared, selection } = readAnswers(tree, { region: 'br', platform: 'facebook,instagram,whatsapp', content: 'all', visibility: 'public', age: 'adult' }, ENGLISH_WORDS);
    const plan = buildPlan(tree, explore(tree, shared, selection).combinations, shared, selection, planPhrases(ENGLISH_WORDS));
    expect(plan.combinations).toHaveLength(22);
    const text = renderPlanText(plan, 'optout-check plan', false, ENGLISH_WORDS);
    expect(rowsOf(fitToWidth(text, COLUMNS), COLUMNS)).toBeLessThanOrEqual(PLAN_ROWS);
    // A step that names its app says so once: "Instagram: …", not "Only for Instagram: Instagram: …".
    expect(text).toContain('  1. Instagram: profile');
    expect(text).not.toMatch(/Only for ([^:\n]+): \1:/);
  });
});
