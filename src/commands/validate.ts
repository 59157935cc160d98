// `optout-check validate [files…]`: the schema and graph checks on tree files, every problem in
// one pass. With no files, the built-in trees' YAML sources are checked.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { safeJson } from '../core/safe-text.js';
import { formatLocated, type Located } from '../errors.js';
import { BUILTIN_TREE_DIR } from '../io/builtin-trees.js';
import { readTree } from '../io/load-tree.js';
import type { Io } from '../io/io.js';

/** Returns the exit code: 0 when every tree is valid (warnings allowed), 3 when any is not. */
export async function validate(files: string[], json: boolean, io: Pick<Io, 'stdout' | 'stderr'>): Promise<number> {
  const targets = files.length > 0 ? files : await builtinSources();
  const results = [];
  for (const file of targets) results.push({ file, problems: (await readTree(file)).problems });
  const isValid = (problems: Located[]) => problems.every((p) => p.warning);
  const valid = results.every((r) => isValid(r.problems));

  if (json) {
    const files = results.map(({ file, problems }) => ({
      file,
      valid: isValid(problems),
      problems: problems.map(({ line, col, path, message, warning }) => ({ severity: warning ? 'warning' : 'error', line, col, path, message })),
    }));
    io.stdout.write(`${safeJson({ schemaVersion: 1, valid, files })}\n`);
  } else {
    for (const { file, problems } of results) {
      if (problems.length > 0) io.stdout.write(`${problems.map(formatLocated).join('\n')}\n`);
      if (isValid(problems)) io.stdout.write(`${file}: ok${problems.length > 0 ? ` (${problems.length} warning${problems.length === 1 ? '' : 's'})` : ''}\n`);
    }
    const bad = results.filter((r) => !isValid(r.problems));
    if (bad.length > 0) {
      const count = bad.reduce((n, r) => n + r.problems.filter((p) => !p.warning).length, 0);
      io.stderr.write(`${count} problem${count === 1 ? '' : 's'} in ${bad.length} of ${results.length} tree file${results.length === 1 ? '' : 's'}\n`);
    }
  }
  return valid ? 0 : 3;
}

async function builtinSources(): Promise<string[]> {
  const dir = fileURLToPath(BUILTIN_TREE_DIR);
  return (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort().map((name) => `${dir}${name}`);
}
