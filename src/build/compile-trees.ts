// Build step: validate every trees/*.yaml and compile it to dist/trees.json, so that normal runs
// parse no YAML, and prebuild `--help` for the default tree (dist/help.txt), so that it needs no
// commander. Catalogues (trees/<id>.<lang>.yaml, locales/<lang>.yaml) compile to dist/lang/. With
// `writeGenerated` (npm run gen), also writes the committed generated files, trees/tree.schema.json,
// docs/matrix.md and docs/plan.md, and (writeReadme, once the binary is built) the README's
// generated parts; tests fail when those are stale.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { readAnswers } from '../commands/plan.js';
import { explore } from '../core/combinations.js';
import { buildMatrix } from '../core/matrix.js';
import { buildPlan } from '../core/plan.js';
import type { Tree } from '../core/schema.js';
import { byPosition, formatLocated, type Located } from '../errors.js';
import { DEFAULT_TREE } from '../load/builtin-trees.js';
import { catalogueLanguage } from '../load/catalogue-file.js';
import { parseTree } from '../load/tree-file.js';
import { renderMatrix } from '../render/matrix.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { renderHelp } from '../program.js';
import { compileCatalogues } from './compile-catalogues.js';
import { treeJsonSchema } from './json-schema.js';
import { generatedReadme } from './readme.js';
import { ENGLISH_WORDS, planPhrases } from '../words.js';

export const MODELINE = '# yaml-language-server: $schema=./tree.schema.json';

/** The answers of docs/plan.md, the README's example plan: `optout-check plan` with these flags. */
export const PLAN_EXAMPLE = { region: 'eu', platform: 'facebook,instagram,whatsapp', content: 'all', visibility: 'public', age: 'adult' };

/** Returns the problems found; writes nothing unless every tree is valid. */
export async function compileTrees(root: string, writeGenerated: boolean): Promise<string[]> {
  const names = (await readdir(`${root}/trees`)).filter((n) => n.endsWith('.yaml')).sort();
  const trees: Tree[] = [];
  const problems: Located[] = [];
  for (const name of names.filter((n) => catalogueLanguage(n) === undefined)) {
    const file = `trees/${name}`;
    const source = await readFile(`${root}/${file}`, 'utf8');
    if (source.split('\n', 1)[0] !== MODELINE) problems.push({ file, line: 1, col: 1, path: '', message: `the first line must be "${MODELINE}"` });
    const result = parseTree(source, file);
    for (const problem of result.problems) problems.push(problem);
    if (result.tree && result.tree.id !== name.replace(/\.yaml$/, '')) {
      problems.push({ file, line: 1, col: 1, path: 'id', message: `id "${result.tree.id}" must match the file name` });
    }
    if (result.tree) trees.push(withoutSchemaKey(result.tree));
  }
  // A built-in tree ships only when it is clean: warnings too (e.g. a cited source without a quote).
  if (problems.length > 0) return problems.map(formatLocated);
  const main = trees.find((t) => t.id === DEFAULT_TREE);
  if (!main) return [`trees/${DEFAULT_TREE}.yaml: the default tree is missing`];
  const { languages, problems: translationProblems } = await compileCatalogues(root, names, trees);
  if (translationProblems.length > 0) return translationProblems.sort(byPosition).map(formatLocated);

  await mkdir(`${root}/dist`, { recursive: true });
  await writeFile(`${root}/dist/trees.json`, JSON.stringify(trees));
  await writeFile(`${root}/dist/help.txt`, renderHelp(main));
  await mkdir(`${root}/dist/lang`, { recursive: true });
  for (const language of languages) await writeFile(`${root}/dist/lang/${language.lang}.json`, JSON.stringify(language));
  if (writeGenerated) {
    await writeFile(`${root}/trees/tree.schema.json`, treeJsonSchema());
    await mkdir(`${root}/docs`, { recursive: true });
    await writeFile(`${root}/docs/matrix.md`, renderMatrix(main, buildMatrix(main), 'markdown'));
    await writeFile(`${root}/docs/plan.md`, examplePlan(main));
  }
  return [];
}

/** `npm run gen`, once the binary is built: README.md's Questions table and the output of its examples. */
export async function writeReadme(root: string): Promise<void> {
  const [tree] = JSON.parse(await readFile(`${root}/dist/trees.json`, 'utf8')) as Tree[];
  const readme = await readFile(`${root}/README.md`, 'utf8');
  await writeFile(`${root}/README.md`, generatedReadme(readme, tree!, `${root}/bin/optout-check.cjs`));
}

function withoutSchemaKey(tree: Tree): Tree {
  const { $schema: _, ...rest } = tree;
  return rest;
}

function examplePlan(tree: Tree): string {
  const { shared, selection } = readAnswers(tree, PLAN_EXAMPLE, ENGLISH_WORDS);
  return renderPlanMarkdown(buildPlan(tree, explore(tree, shared, selection).combinations, shared, selection, planPhrases(ENGLISH_WORDS)), 'optout-check plan', ENGLISH_WORDS);
}
