// `optout-check matrix`: every path of a tree as one row, for reviewers and docs/matrix.md.
import { buildMatrix } from '../core/matrix.js';
import type { Io } from '../io.js';
import { renderMatrix, type MatrixFormat } from '../render/matrix.js';
import { resolveTree } from '../load/resolve-tree.js';

export async function matrix(treeRef: string, format: MatrixFormat, io: Pick<Io, 'stdout'>): Promise<void> {
  const tree = await resolveTree(treeRef);
  io.stdout.write(renderMatrix(tree, buildMatrix(tree), format));
}
