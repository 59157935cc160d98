// The matrix in four formats. Cells of questions a path does not ask are left empty.
import { spend } from '../core/limits.js';
import type { Matrix } from '../core/matrix.js';
import { safeJson, safeText } from '../core/safe-text.js';
import type { Tree } from '../core/schema.js';
import { code, md } from './markdown.js';

export const MATRIX_FORMATS = ['table', 'csv', 'json', 'markdown'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export function renderMatrix(tree: Tree, matrix: Matrix, format: MatrixFormat): string {
  if (format === 'json') {
    const document = { schemaVersion: 1, tree: { id: tree.id, title: tree.title, reviewed: tree.reviewed }, keys: matrix.keys, rows: matrix.rows };
    return `${safeJson(document)}\n`;
  }
  // The text formats quote the tree (its title, ids and values), which may hold control characters.
  return safeText(renderTextFormat(tree, matrix, format));
}

function renderTextFormat(tree: Tree, matrix: Matrix, format: Exclude<MatrixFormat, 'json'>): string {
  const header = [...matrix.keys, 'outcome', 'verdict', 'sources'];
  const cells = matrix.rows.map((row) => [
    ...matrix.keys.map((key) => row.answers[key] ?? ''),
    row.outcome,
    row.verdict,
    row.sources.join(' '),
  ]);
  if (format === 'csv') return [header, ...cells].map((line) => line.map(csvCell).join(',')).join('\n') + '\n';
  if (format === 'markdown') return markdown(tree, matrix, header, cells);
  return table(header, cells);
}

const csvCell = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * The matrix for a terminal `width` columns wide, every row kept. The sources are counted (their
 * ids would make each row hundreds of columns wide). A table while it fits, with the verdict
 * column narrowed (its ids wrapped after a dash) if need be; on a narrower terminal, a record per
 * path (its answers, then what they lead to), which the terminal's layout wraps.
 */
export function renderMatrixFitted(matrix: Matrix, width: number): string {
  const header = [...matrix.keys, 'outcome', 'verdict', 'sources'];
  const cells = matrix.rows.map((row) => [...matrix.keys.map((key) => row.answers[key] ?? ''), row.outcome, row.verdict, String(row.sources.length)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const verdict = header.length - 2;
  const others = widths.reduce((a, b) => a + b, 0) - widths[verdict]!;
  const gap = others + widths[verdict]! + 2 * (widths.length - 1) <= width ? 2 : 1;
  widths[verdict] = Math.min(widths[verdict]!, width - others - gap * (widths.length - 1));
  const ids = '(their ids with --format csv, json or markdown)';
  if (widths[verdict]! < MIN_VERDICT_WIDTH) {
    const records = matrix.rows.map((row, i) => `${matrix.keys.flatMap((key) => row.answers[key] ?? []).join(' ')}\n  → ${row.outcome} (${row.verdict}), ${cells[i]!.at(-1)} sources`);
    const preface = `Every path: its answers (${matrix.keys.join(', ')}), then its outcome, verdict and how many sources the verdict cites ${ids}.`;
    return safeText(`${preface}\n\n${records.join('\n')}\n`);
  }
  const line = (row: string[]) => {
    const parts = row.map((cell, i) => wrapCell(cell, widths[i]!));
    const height = Math.max(...parts.map((p) => p.length));
    return Array.from({ length: height }, (_, j) => parts.map((p, i) => (p[j] ?? '').padEnd(i === row.length - 1 ? 0 : widths[i]!)).join(' '.repeat(gap)).trimEnd()).join('\n');
  };
  return safeText(`${[line(header), ...cells.map(line)].join('\n')}\n\nsources: how many the verdict cites ${ids}\n`);
}

/** Narrower than this, a verdict id would break into too many pieces to read. */
const MIN_VERDICT_WIDTH = 12;

/** A cell's text in lines of at most `width`, broken after a dash where one fits, else anywhere. */
function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const dash = rest.lastIndexOf('-', width - 1);
    const cut = dash > 0 ? dash + 1 : width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...lines, rest];
}

function table(header: string[], cells: string[][]): string {
  // The sources column is last and unpadded: it is long, and padding it would only add spaces.
  const widths = header.map((h) => h.length);
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cell.length)));
  spend(cells.length * header.length);
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}

/** Escaped as plan's Markdown is: tree text cannot start a heading, a link, HTML or a table row. */
function markdown(tree: Tree, matrix: Matrix, header: string[], cells: string[][]): string {
  const counts = new Map<string, number>();
  for (const row of matrix.rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  const summary = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  const row = (r: string[]) => `| ${r.map((c) => md(c) || ' ').join(' | ')} |`;
  return [
    `# ${md(tree.title)}: every path`,
    '',
    `Generated by ${code(`optout-check matrix --tree ${tree.id} --format markdown`)} from ${code(`trees/${tree.id}.yaml`)} (reviewed ${md(tree.reviewed)}). Do not edit by hand: run \`npm run gen\`.`,
    '',
    `${matrix.rows.length} paths: ${summary}. An empty cell means the question is not asked on that path.`,
    '',
    row(header),
    `|${header.map(() => ' --- ').join('|')}|`,
    ...cells.map(row),
    '',
  ].join('\n');
}
