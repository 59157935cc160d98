// Loads a tree file safely: size cap, one YAML 1.2 document, no aliases, no tags, no duplicate
// keys, limited nesting; then the schema, then the graph checks. Every problem is reported at
// once, in file order, with its position, in time linear in the file's size.
// Only user-supplied trees and `validate` come here: the built-in trees are compiled at build time.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import * as v from 'valibot';
import { Composer, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, type CST, type Document, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { checkTree } from '../core/check.js';
import { LIMITS, overLimitMessage } from '../core/limits.js';
import { checkPartialTree } from '../core/partial-check.js';
import { RESERVED_KEYS, reservedKeyPaths } from '../core/reserved-keys.js';
import { TreeSchema, type Tree } from '../core/schema.js';
import type { TreeProblem } from '../core/tree-problem.js';
import { isCliError, systemReason, TreeError, UsageError, type Located } from '../errors.js';

export const MAX_TREE_BYTES = LIMITS.treeBytes.max;
/** A tree needs about ten levels of nesting; far more is a mistake, or an attack on the parser. */
export const MAX_DEPTH = LIMITS.depth.max;

const NOT_A_MAPPING = 'a tree must be a YAML mapping of id, title, question, reviewed, start, sources, questions and verdicts';
const TOO_DEEP = `nested too deeply: ${overLimitMessage('depth')} (a tree needs about ten)`;

/** Checks beyond the schema and the graph, for a tree that passed them (e.g. validate --max-age). */
export type MoreChecks = (tree: Tree) => TreeProblem[];

/** With a tree, `problems` holds only warnings; without one, at least one error. */
export type LoadResult = { tree: Tree; problems: Located[] } | { tree?: undefined; problems: Located[] };

/** Reads and checks a tree file. A missing or unreadable file is a usage error. */
export async function readTree(file: string, more?: MoreChecks): Promise<LoadResult> {
  let read: { source: string } | { size?: number };
  try {
    read = await readCapped(file);
  } catch (error) {
    const reason = systemReason(error);
    if (isCliError(error) || reason === undefined) throw error;
    throw new UsageError(`error: cannot read tree file "${file}": ${reason}`, 'unknown-tree');
  }
  if (!('source' in read)) return { problems: [{ file, line: 1, col: 1, path: '', message: overLimitMessage('treeBytes', read.size) }] };
  return parseTree(read.source, file, more);
}

/**
 * The file's text, read once through one handle: its size as the handle sees it (not as the path
 * did a moment before), and at most the limit plus one byte whatever that size says, since a file
 * can grow while it is read and some report no size at all (/proc/kallsyms). Reads are whole
 * 8-byte words, which some special files require (/proc/self/pagemap). Opened without blocking, so
 * that a named pipe is refused rather than waited on. Past the limit, its size if known.
 */
async function readCapped(file: string): Promise<{ source: string } | { size?: number }> {
  const max = LIMITS.treeBytes.max;
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UsageError(`error: cannot read tree file "${file}": not a file`, 'unknown-tree');
    if (info.size > max) return { size: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const wanted = Math.min(1 << 20, Math.ceil((max + 1 - total) / 8) * 8);
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(wanted) });
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return {};
    }
    return { source: Buffer.concat(chunks).toString('utf8') };
  } finally {
    await handle.close();
  }
}

/** Like readTree, but an invalid tree throws a TreeError (exit 3). */
export async function loadTree(file: string): Promise<Tree> {
  const { tree, problems } = await readTree(file);
  if (!tree) throw new TreeError(problems);
  return tree;
}

export function parseTree(source: string, file: string, more?: MoreChecks): LoadResult {
  const parsed = parseValidJson(source, more);
  if (parsed) return parsed;
  const { value, problems } = parseYamlData(source, file, (data) => checkData(data, more));
  return value ? { tree: value, problems } : { problems };
}

/**
 * Generated trees are often JSON, which is YAML too. JSON.parse is some fifty times faster than
 * the YAML parser, so a JSON source that is entirely valid is accepted here; anything wrong falls
 * through to the YAML path, which finds every problem and its position.
 */
function parseValidJson(source: string, more: MoreChecks | undefined): LoadResult | undefined {
  if (!/^\s*\{/.test(source)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (hasDuplicateKey(source)) return undefined;
  const { value, problems } = checkData(data, more);
  return value && problems.length === 0 ? { tree: value, problems: [] } : undefined;
}

/** JSON.parse keeps the last of duplicate keys silently; this finds them in valid JSON text. */
function hasDuplicateKey(json: string): boolean {
  const stack: (Set<string> | null)[] = []; // a Set of keys per open object, null per open array
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const keys = stack.at(-1);
      if (keys && expectKey) {
        const raw = json.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end + 1)) as string) : raw;
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      expectKey = stack.at(-1) != null;
    }
  }
  return false;
}

/** What a check of parsed data finds: the value when it is usable, and the problems, each with its path. */
export interface Checked<T> {
  value?: T;
  problems: DataProblem[];
}

/**
 * Parses one YAML document safely (see the top of this file) and checks its data with `check`;
 * every problem is located in the file. For trees, and for their translations (catalogue-file.ts).
 */
export function parseYamlData<T>(source: string, file: string, check: (data: unknown) => Checked<T>): { value?: T; problems: Located[] } {
  const lineCounter = new LineCounter();
  const at = (offset: number, path: string, message: string, warning?: true): Located => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col, path, message, ...(warning ? { warning } : {}) };
  };

  const tokens = tokenize(source, lineCounter);
  if (!Array.isArray(tokens)) return { problems: [at(tokens.tooDeepAt, '', TOO_DEEP)] };
  const documents = [
    ...new Composer({
      // Off: the parser's check compares each key with every earlier one, which takes minutes on
      // a large mapping. findUnsafeNodes finds duplicates with a Set instead.
      uniqueKeys: false,
      merge: false,
      resolveKnownTags: false,
      stringKeys: true,
    }).compose(tokens, true, source.length),
  ];
  const doc = documents[0]!; // compose(…, forceDoc = true) yields one document at least

  const parseProblems = [...doc.errors, ...doc.warnings].map((e) => at(e.pos[0], '', firstLine(e)));
  if (documents[1]) parseProblems.push(at(documents[1].range[0], '', 'a tree file holds one YAML document, but another one starts here'));
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    parseProblems.push(at(0, '', `only YAML 1.2 is accepted, not %YAML ${doc.directives.yaml.version}`));
  }
  if (parseProblems.length > 0) return { problems: inFileOrder(parseProblems) };

  const unsafe = findUnsafeNodes(doc, (offset) => lineCounter.linePos(offset).line);
  if (unsafe.length > 0) return { problems: inFileOrder(unsafe.map((p) => at(p.offset, '', p.message))) };

  const { value, problems } = check(doc.toJS({ maxAliasCount: 0 }));
  const offsetOf = locator(doc);
  const located = inFileOrder(problems.map((p) => at(offsetOf(p.path, p.atKey), p.path.map((key) => shorten(String(key))).join('.'), p.message, p.warning)));
  return value === undefined ? { problems: located } : { value, problems: located };
}

const inFileOrder = (problems: Located[]): Located[] => problems.sort((a, b) => a.line - b.line || a.col - b.col);

const firstLine = (error: YAMLError): string => error.message.split('\n')[0]!;

/**
 * The first stage of the parser's parseDocument (source to syntax tokens), stopped as soon as more
 * than MAX_DEPTH nodes are open. Unchecked, deep nesting costs this stage gigabytes and minutes
 * within the size cap, and the second stage recurses: a stack overflow there can leave Node 20's
 * regular expression engine broken for the rest of the process.
 */
function tokenize(source: string, lineCounter: LineCounter): CST.Token[] | { tooDeepAt: number } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document, then each open collection (and a scalar being read).
    if (parser.stack.length > MAX_DEPTH + 1) return { tooDeepAt: parser.offset };
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

/**
 * One pass over the parsed nodes, with an explicit stack: aliases (trees need none, and refusing
 * them all stops alias bombs), and duplicate keys (a Set per mapping: linear, unlike the parser's
 * own check).
 */
function findUnsafeNodes(doc: Document, lineOf: (offset: number) => number): { offset: number; message: string }[] {
  const problems: { offset: number; message: string }[] = [];
  const aliases: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) aliases.push(node.range?.[0] ?? 0);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isMap(node)) {
      const first = new Map<string, number>();
      for (const { key, value } of node.items as Pair[]) {
        stack.push(key, value);
        if (!isScalar(key)) continue;
        const name = String(key.value);
        const offset = key.range?.[0] ?? 0;
        const seen = first.get(name);
        if (seen === undefined) first.set(name, offset);
        else problems.push({ offset, message: `duplicate key "${shorten(name)}" (first at line ${lineOf(seen)})` });
      }
    }
  }
  if (aliases.length > 0) {
    const more = aliases.length > 1 ? ` (${aliases.length} aliases; this is the first)` : '';
    problems.push({ offset: aliases.reduce((a, b) => Math.min(a, b)), message: `aliases (*name) are not allowed in trees${more}` });
  }
  return problems;
}

export interface DataProblem {
  path: (string | number)[];
  message: string;
  warning?: true;
  /** Located at the key rather than at the value. */
  atKey?: true;
}

/** The schema and graph checks on parsed data (from JSON or YAML), each problem with its path. */
function checkData(data: unknown, more?: MoreChecks): Checked<Tree> {
  // valibot takes a list for an object and would report every key as missing.
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problems: [{ path: [], message: NOT_A_MAPPING }] };
  const reserved = reservedKeyPaths(TreeSchema, data).map((path): DataProblem => ({
    path,
    message: `"${String(path.at(-1))}" cannot be used as a key here: ${[...RESERVED_KEYS].join(', ')} are reserved`,
    atKey: true,
  }));
  const parsed = v.safeParse(TreeSchema, data);
  if (!parsed.success || reserved.length > 0) {
    const issues = (parsed.issues ?? []).map((issue): DataProblem => {
      const path = (issue.path ?? []).map((item) => item.key as string | number);
      return { path, message: describe(issue) };
    });
    // The graph checks too, on whatever parts the schema accepted: one run shows every problem.
    // Not past a reserved key, though: the records holding one would give misleading graph problems.
    return { problems: [...reserved, ...issues, ...(reserved.length === 0 ? checkPartialTree(data) : [])] };
  }
  const graph = checkTree(parsed.output);
  if (graph.some((p) => !p.warning)) return { problems: graph };
  return { value: parsed.output, problems: [...graph, ...(more?.(parsed.output) ?? [])] };
}

/** Valibot's messages, made plain where it words them for programmers. */
function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown key ${shorten(issue.received)}`;
  if (issue.type === 'strict_object' && issue.received === 'undefined') return `missing key ${issue.expected}`;
  return issue.message.replace(issue.received, shorten(issue.received));
}

/** A long value would drown the message. */
const shorten = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}…` : text);

/**
 * The offset of the node at `path`, or of its nearest existing ancestor (for a missing key).
 * Each mapping's keys are indexed on first use, so locating every problem of a large file stays
 * linear (the document's own getIn scans a mapping's keys on every call).
 */
function locator(doc: Document): (path: (string | number)[], atKey?: boolean) => number {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items as Pair[]) if (isScalar(pair.key)) index.set(String(pair.key.value), pair);
      indexes.set(map, index);
    }
    return index.get(String(key));
  };
  return (path, atKey) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (let i = 0; i <= path.length; i++) {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (!range) break;
      offset = range[0];
      if (i === path.length) break;
      if (isMap(node)) {
        const pair = pairOf(node, path[i]!);
        if (atKey && i === path.length - 1) return (pair?.key as { range?: number[] } | undefined)?.range?.[0] ?? offset;
        node = pair?.value;
      } else {
        node = isSeq(node) ? node.items[path[i] as number] : undefined;
      }
    }
    return offset;
  };
}
