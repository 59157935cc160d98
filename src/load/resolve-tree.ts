// --tree <file|id>: a built-in tree by id, or a YAML or JSON file (loaded, with the YAML parser, only then).
import type { Tree } from '../core/schema.js';
import { suggest } from '../core/suggest.js';
import { UsageError } from '../errors.js';
import { DEFAULT_TREE, builtinTrees } from './builtin-trees.js';

export async function resolveTree(ref: string | undefined): Promise<Tree> {
  const trees = builtinTrees();
  const builtin = trees.find((tree) => tree.id === (ref ?? DEFAULT_TREE));
  if (builtin) return builtin;
  if (ref === undefined) throw new Error(`the default tree "${DEFAULT_TREE}" is missing from this build`);
  const looksLikeFile = /[\\/]|\.(ya?ml|json)$/i.test(ref);
  if (looksLikeFile) {
    const { loadTree } = await import('./tree-file.js');
    return loadTree(ref);
  }
  const ids = trees.map((tree) => tree.id);
  const hint = suggest(ref, ids);
  throw new UsageError(
    `error: no built-in tree "${ref}"${hint ? ` (did you mean ${hint}?)` : ''}. Built-in trees: ${ids.join(', ')}. ` +
      `For a file, pass its path, e.g. --tree ./my-tree.yaml.`,
    'unknown-tree',
  );
}
