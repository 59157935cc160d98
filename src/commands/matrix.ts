// `optout-check matrix`: every path of a tree as one row, for reviewers and docs/matrix.md. On a
// terminal, the table is fitted to its width and paged when taller.
import { buildMatrix } from '../core/matrix.js';
import type { Io } from '../io.js';
import { renderMatrix, renderMatrixFitted, type MatrixFormat } from '../render/matrix.js';
import { resolveTree } from '../load/resolve-tree.js';
import { show } from '../terminal/show.js';

export async function matrix(treeRef: string, format: MatrixFormat, io: Pick<Io, 'stdout' | 'stderr' | 'env' | 'onInterrupt' | 'onSignal'>, options: { pager: boolean }): Promise<void> {
  const tree = await resolveTree(treeRef);
  const built = buildMatrix(tree);
  if (format === 'table' && io.stdout.isTTY) await show(renderMatrixFitted(built, io.stdout.columns || 80), io, options);
  else io.stdout.write(renderMatrix(tree, built, format));
}
