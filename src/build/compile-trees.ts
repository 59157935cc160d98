// Build step: validate every trees/*.yaml and compile it to dist/trees.json, so that normal runs
// parse no YAML. Also generates the editor schema and the Meta tree's matrix into dist/; with
// `writeGenerated`, copies them to their committed places (trees/tree.schema.json, docs/matrix.md),
// where tests check they are not stale.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { toJsonSchema } from '@valibot/to-json-schema';
import { buildMatrix } from '../core/matrix.js';
import { TreeSchema, type Tree } from '../core/schema.js';
import { formatLocated, type Located } from '../errors.js';
import { DEFAULT_TREE } from '../io/builtin-trees.js';
import { readTree } from '../io/load-tree.js';
import { renderMatrix } from '../io/render-matrix.js';

export const MODELINE = '# yaml-language-server: $schema=./tree.schema.json';

/** Returns the problems found; writes nothing unless every tree is valid. */
export async function compileTrees(root: string, writeGenerated: boolean): Promise<string[]> {
  const names = (await readdir(`${root}/trees`)).filter((n) => n.endsWith('.yaml')).sort();
  const trees: Tree[] = [];
  const problems: Located[] = [];
  for (const name of names) {
    const file = `trees/${name}`;
    const source = await readFile(`${root}/${file}`, 'utf8');
    if (source.split('\n', 1)[0] !== MODELINE) problems.push({ file, line: 1, col: 1, path: '', message: `the first line must be "${MODELINE}"` });
    const result = await readTree(`${root}/${file}`);
    problems.push(...result.problems.map((p) => ({ ...p, file })));
    if (result.tree && result.tree.id !== name.replace(/\.yaml$/, '')) {
      problems.push({ file, line: 1, col: 1, path: 'id', message: `id "${result.tree.id}" must match the file name` });
    }
    if (result.tree) trees.push(withoutSchemaKey(result.tree));
  }
  if (problems.length > 0) return problems.map(formatLocated);

  const schema = `${JSON.stringify(toJsonSchema(TreeSchema, { errorMode: 'ignore' }), null, 2)}\n`;
  const main = trees.find((t) => t.id === DEFAULT_TREE);
  const matrix = main ? renderMatrix(main, buildMatrix(main), 'markdown') : '';
  await mkdir(`${root}/dist`, { recursive: true });
  await writeFile(`${root}/dist/trees.json`, JSON.stringify(trees));
  await writeFile(`${root}/dist/tree.schema.json`, schema);
  await writeFile(`${root}/dist/matrix.md`, matrix);
  if (writeGenerated) {
    await writeFile(`${root}/trees/tree.schema.json`, schema);
    await mkdir(`${root}/docs`, { recursive: true });
    await writeFile(`${root}/docs/matrix.md`, matrix);
  }
  return [];
}

function withoutSchemaKey(tree: Tree): Tree {
  const { $schema: _, ...rest } = tree;
  return rest;
}
