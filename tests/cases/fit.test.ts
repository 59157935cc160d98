// Short first: on every path of the built-in tree, at 80 columns, the headline, the summary and
// every step fit in the first 32 rows; caveats, disputes and sources come after them.
import { beforeAll, describe, expect, it } from 'vitest';
import { answersOf, enumeratePaths } from '../../src/core/paths.js';
import { buildReport } from '../../src/core/report.js';
import type { Tree } from '../../src/core/schema.js';
import { loadTree } from '../../src/load/tree-file.js';
import { fitToWidth, rowsOf } from '../../src/terminal/layout.js';
import { renderText } from '../../src/render/text.js';
import { ROOT } from '../helpers.js';

const COLUMNS = 80;
const ROWS = 32;

let tree: Tree;
beforeAll(async () => {
  tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
});

/** Each path's verdict as a terminal 80 columns wide shows it, split where the steps end. */
function screens() {
  return enumeratePaths(tree).map(({ steps, verdictId }) => {
    const report = buildReport(tree, answersOf(steps), { path: steps, verdictId, verdict: tree.verdicts[verdictId]! }, false);
    const lines = fitToWidth(renderText(report, 'optout-check', false), COLUMNS).split('\n');
    const stepsEnd = lines.indexOf('', lines.indexOf('What you can do'));
    return { name: steps.map((s) => `--${s.ask} ${s.answer}`).join(' '), report, lines, head: lines.slice(0, stepsEnd) };
  });
}

describe('short first, at 80 columns', () => {
  it('headline, summary and every step come first, then caveats, disputes and sources', () => {
    for (const { name, report, lines, head } of screens()) {
      expect(head.join(' ').startsWith(`${report.verdict.title} (${report.verdict.outcome})`), name).toBe(true);
      expect(head.filter((line) => /^ {2}\d+\. /.test(line)), name).toHaveLength(report.verdict.steps.length);
      const after = lines.slice(head.length);
      expect(after.some((line) => /^ {2}\d+\. /.test(line)), name).toBe(false);
      expect(after, name).toContain('Sources');
    }
  });

  it(`headline, summary and every step fit in the first ${ROWS} rows, on every path`, () => {
    const tooLong = screens()
      .map(({ name, head }) => ({ name, rows: rowsOf(head.join('\n'), COLUMNS) }))
      .filter(({ rows }) => rows > ROWS);
    expect(tooLong).toEqual([]);
  });
});
