// The built-in trees, validated and compiled to JSON at build time (dist/trees.json), so a
// normal run parses no YAML and runs no schema validation.
import { readFileSync } from 'node:fs';
import type { Tree } from '../core/schema.js';

export const DEFAULT_TREE = 'meta-ai-training';

/** The shipped YAML sources, for `validate` with no files. */
export const BUILTIN_TREE_DIR = new URL('../trees/', import.meta.url);

/** `--help` for the default tree, rendered by the commander program at build time. */
export const defaultTreeHelp = (): string => readFileSync(new URL('./help.txt', import.meta.url), 'utf8');

let cache: Tree[] | undefined;

export function builtinTrees(): Tree[] {
  cache ??= JSON.parse(readFileSync(new URL('./trees.json', import.meta.url), 'utf8')) as Tree[];
  return cache;
}
