// `optout-check validate [files…]`: the schema and graph checks on tree files, every problem in
// one pass. With no files, the built-in trees' YAML sources are checked.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatLocated } from './errors.js';
import { BUILTIN_TREE_DIR } from './io/builtin-trees.js';
import { readTree } from './io/load-tree.js';
import type { Io } from './run.js';

/** Returns the exit code: 0 when every tree is valid, 3 when any is not. */
export async function validate(files: string[], json: boolean, io: Pick<Io, 'stdout' | 'stderr'>): Promise<number> {
  const targets = files.length > 0 ? files : await builtinSources();
  const results = [];
  for (const file of targets) results.push({ file, problems: (await readTree(file)).problems });
  const valid = results.every((r) => r.problems.length === 0);

  if (json) {
    const files = results.map(({ file, problems }) => ({
      file,
      valid: problems.length === 0,
      problems: problems.map(({ line, col, path, message }) => ({ line, col, path, message })),
    }));
    io.stdout.write(`${JSON.stringify({ schemaVersion: 1, valid, files }, null, 2)}\n`);
  } else {
    for (const { file, problems } of results) {
      io.stdout.write(problems.length === 0 ? `${file}: ok\n` : `${problems.map(formatLocated).join('\n')}\n`);
    }
    const bad = results.filter((r) => r.problems.length > 0);
    if (bad.length > 0) {
      const count = bad.reduce((n, r) => n + r.problems.length, 0);
      io.stderr.write(`${count} problem${count === 1 ? '' : 's'} in ${bad.length} of ${results.length} tree file${results.length === 1 ? '' : 's'}\n`);
    }
  }
  return valid ? 0 : 3;
}

async function builtinSources(): Promise<string[]> {
  const dir = fileURLToPath(BUILTIN_TREE_DIR);
  return (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort().map((name) => `${dir}${name}`);
}
