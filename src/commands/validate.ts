// `optout-check validate [files…]`: the schema and graph checks on tree files, every problem of
// every file in one run, and the checks on their translations (<tree>.<lang>.yaml beside a tree,
// given or found). With no files, the built-in trees' YAML sources are checked.
// The report (problems, `file: ok` lines, the summary) is what this command is for, so all of it
// goes to stdout, whether the trees are valid or not; the exit code says which.
import { readdir } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayOf, uncheckedSources } from '../core/freshness.js';
import { safeJson, safeLine } from '../core/safe-text.js';
import type { Tree } from '../core/schema.js';
import { byPosition, formatLocated, isCliError, locatedJson, type Located } from '../errors.js';
import { BUILTIN_TREE_DIR } from '../load/builtin-trees.js';
import { cataloguesOf, readCatalogue, treeOfCatalogue } from '../load/catalogue-file.js';
import { readTree, type MoreChecks } from '../load/tree-file.js';
import type { Io } from '../io.js';

/** One file's result: its problems (warnings included), or why it could not be read. */
type Checked = { file: string; problems: Located[]; unreadable?: undefined } | { file: string; problems: []; unreadable: string };

const isValid = (r: Checked) => !r.unreadable && r.problems.every((p) => p.warning);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface ValidateOptions {
  json: boolean;
  /** With --max-age: warn about sources never checked against the web, or not for more days than this. */
  maxAge?: number | undefined;
}

/**
 * Returns the exit code: 2 when a file could not be read (the others are still checked), else 3
 * when any tree is invalid, else 0 (warnings allowed).
 */
export async function validate(files: string[], { json, maxAge }: ValidateOptions, io: Pick<Io, 'stdout' | 'today'>): Promise<number> {
  const targets = files.length > 0 ? files : await builtinSources();
  const today = dayOf(io.today);
  const more = maxAge === undefined ? undefined : (tree: Tree) => uncheckedSources(tree, today, maxAge);
  // A tree's translations are checked with it.
  const translations = await Promise.all(targets.map(async (file) => ((await treeOfCatalogue(file)) ? [] : cataloguesOf(file))));
  const results: Checked[] = [];
  for (const file of [...new Set([...targets, ...translations.flat()])].sort()) results.push(await check(file, more));
  const valid = results.every(isValid);
  io.stdout.write(json ? renderJson(results, valid) : renderText(results));
  return results.some((r) => r.unreadable) ? 2 : valid ? 0 : 3;
}

async function check(file: string, more: MoreChecks | undefined): Promise<Checked> {
  try {
    const treeFile = await treeOfCatalogue(file);
    return { file, problems: (treeFile ? await readCatalogue(file, treeFile) : await readTree(file, more)).problems.sort(byPosition) };
  } catch (error) {
    // A file that cannot be read is a usage error of its own; it must not stop the other files.
    if (isCliError(error) && error.exitCode === 2) return { file, problems: [], unreadable: error.message };
    throw error;
  }
}

function renderJson(results: Checked[], valid: boolean): string {
  const files = results.map((r) => ({
    file: r.file,
    valid: isValid(r),
    ...(r.unreadable ? { error: r.unreadable.replace(/^error: /, '') } : {}),
    problems: r.problems.map(locatedJson),
  }));
  return `${safeJson({ schemaVersion: 1, valid, files })}\n`;
}

function renderText(results: Checked[]): string {
  let text = '';
  for (const r of results) {
    if (r.unreadable) text += `${safeLine(r.unreadable)}\n`;
    if (r.problems.length > 0) text += `${r.problems.map(formatLocated).join('\n')}\n`;
    const warnings = r.problems.length;
    if (isValid(r)) text += `${safeLine(r.file)}: ok${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}\n`;
  }
  const invalid = results.filter((r) => !r.unreadable && !isValid(r));
  const unreadable = results.filter((r) => r.unreadable).length;
  if (invalid.length > 0 || unreadable > 0) {
    const errors = invalid.reduce((n, r) => n + r.problems.filter((p) => !p.warning).length, 0);
    const parts = [
      ...(invalid.length > 0 ? [`${plural(errors, 'problem')} in ${invalid.length} of ${plural(results.length, 'tree file')}`] : []),
      ...(unreadable > 0 ? [`${unreadable} of ${plural(results.length, 'file')} could not be read`] : []),
    ];
    text += `${parts.join('; ')}\n`;
  }
  return text;
}

/** The built-in trees' sources, shown relative to the working directory when they are inside it. */
async function builtinSources(): Promise<string[]> {
  const dir = fileURLToPath(BUILTIN_TREE_DIR);
  const shown = (file: string) => {
    // relative() resolves against the working directory.
    const path = relative('', file);
    return path.startsWith('..') || isAbsolute(path) ? file : path;
  };
  return (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort().map((name) => shown(`${dir}${name}`));
}
