// Reads a catalogue (README, "Translating a tree, or adding a language") safely, as trees are
// read (tree-file.ts), and reviews it against the English it translates: a tree's texts (trees/<id>.<lang>.yaml, beside
// the tree) or the tool's own words (locales/<lang>.yaml). Every problem is located in the file.
import { open, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';
import { CatalogueSchema, type Catalogue, type Message } from '../core/catalogue.js';
import { RESERVED_KEYS, reservedKeyPaths } from '../core/reserved-keys.js';
import type { Tree } from '../core/schema.js';
import { translatableTexts } from '../core/translatable.js';
import { reviewCatalogue, type Review, type ReviewText } from '../core/translation.js';
import { systemReason, UsageError, type Located } from '../errors.js';
import { ENGLISH } from '../words.js';
import { hashText } from './text-hash.js';
import { MAX_TREE_BYTES, parseYamlData, readTree, type Checked, type DataProblem } from './tree-file.js';

/** `<tree>.<lang>.yaml`: a catalogue's file name, which names the language it translates into. */
const CATALOGUE_NAME = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.ya?ml$/;

/** The language a file name says, for a catalogue named `<tree>.<lang>.yaml` (or `<lang>.yaml` in locales/). */
export const catalogueLanguage = (file: string): string | undefined => CATALOGUE_NAME.exec(basename(file))?.[2];

/** The tree file a catalogue translates, by name (`small.de.yaml` translates `small.yaml`), if one exists beside it. */
export async function treeOfCatalogue(file: string): Promise<string | undefined> {
  const match = CATALOGUE_NAME.exec(basename(file));
  if (!match) return undefined;
  const names = new Set(await readdir(dirname(file)).catch(() => []));
  const tree = ['yaml', 'yml', 'json'].map((ext) => `${match[1]}.${ext}`).find((name) => names.has(name));
  return tree && join(dirname(file), tree);
}

/** The catalogues beside a tree file: `small.yaml` has `small.de.yaml`, `small.fr.yaml`… */
export async function cataloguesOf(treeFile: string): Promise<string[]> {
  const base = basename(treeFile).replace(/\.(ya?ml|json)$/, '');
  const names = await readdir(dirname(treeFile)).catch(() => [] as string[]);
  return names
    .filter((name) => CATALOGUE_NAME.exec(name)?.[1] === base)
    .sort()
    .map((name) => join(dirname(treeFile), name));
}

/** Reads a file once, at most the cap and a byte, so a larger one is refused without reading it all. */
export async function readCatalogueSource(file: string): Promise<string | { problems: Located[] }> {
  let handle;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (!info.isFile()) throw new UsageError(`error: cannot read catalogue "${file}": not a file`, 'unknown-tree');
    const buffer = Buffer.alloc(Math.min(info.size, MAX_TREE_BYTES) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_TREE_BYTES) return { problems: [{ file, line: 1, col: 1, path: '', message: `file is over ${MAX_TREE_BYTES} bytes, the limit` }] };
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (error) {
    const reason = systemReason(error);
    if (reason === undefined) throw error;
    throw new UsageError(`error: cannot read catalogue "${file}": ${reason}`, 'unknown-tree');
  } finally {
    await handle?.close();
  }
}

/** What is translated, and the tree's sources for the labels check (none for the tool's words). */
export interface Subject {
  texts: ReviewText[];
  sources?: Tree['sources'];
  /** Checks on the subject itself, e.g. that a tree is in English. */
  problems?: DataProblem[];
}

/** A tree's texts, each with its hash and the sources it cites. */
export function treeSubject(tree: Tree): Subject {
  const texts = translatableTexts(tree).map(({ key, text, cites }) => ({ key, english: text, hash: hashText(text), ...(cites ? { cites } : {}) }));
  const problems: DataProblem[] = tree.lang && tree.lang !== 'en' ? [{ path: [], message: `its tree is in ${tree.lang}: translations are made from English trees only` }] : [];
  return { texts, sources: tree.sources, problems };
}

/** The tool's own words (words.ts). */
export const wordsSubject = (): Subject => ({
  texts: Object.entries(ENGLISH as Record<string, Message>).map(([key, english]) => ({ key, english, hash: hashText(english) })),
});

export interface CatalogueReview extends Review {
  catalogue: Catalogue;
}

/** A catalogue's source reviewed against its subject; `lang` is the language its file name says. */
export function parseCatalogue(source: string, file: string, subject: Subject): { value?: CatalogueReview; problems: Located[] } {
  const lang = catalogueLanguage(file);
  return parseYamlData(source, file, (data): Checked<CatalogueReview> => {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problems: [{ path: [], message: 'a catalogue must be a YAML mapping of lang and strings' }] };
    const reserved = reservedKeyPaths(CatalogueSchema, data).map((path): DataProblem => ({ path, atKey: true, message: `"${String(path.at(-1))}" cannot be used as a key here: ${[...RESERVED_KEYS].join(', ')} are reserved` }));
    const parsed = v.safeParse(CatalogueSchema, data);
    if (!parsed.success || reserved.length > 0) {
      return { problems: [...reserved, ...(parsed.issues ?? []).map((issue) => ({ path: (issue.path ?? []).map((item) => item.key as string | number), message: issue.message }))] };
    }
    const catalogue = parsed.output;
    // These make the whole catalogue unusable; a problem with one entry leaves out that entry only.
    const fatal: DataProblem[] = [...(subject.problems ?? [])];
    if (lang !== undefined && catalogue.lang !== lang) fatal.push({ path: ['lang'], message: `lang "${catalogue.lang}" must match the file name, which says ${lang}` });
    if (fatal.length > 0) return { problems: fatal };
    const review = reviewCatalogue(subject.texts, catalogue, subject.sources);
    const problems = review.problems.map(({ key, message, severity }): DataProblem => ({ path: ['strings', key], message, ...(severity === 'warning' ? { warning: true as const } : {}) }));
    return { value: { ...review, catalogue }, problems };
  });
}

/** `validate` on a catalogue: every problem of the file, reviewed against the tree it translates. */
export async function readCatalogue(file: string, treeFile: string): Promise<{ problems: Located[] }> {
  const { tree } = await readTree(treeFile);
  if (!tree) return { problems: [{ file, line: 1, col: 1, path: '', message: `its tree, ${treeFile}, is invalid: validate and fix it first` }] };
  const source = await readCatalogueSource(file);
  return typeof source === 'string' ? parseCatalogue(source, file, treeSubject(tree)) : source;
}
