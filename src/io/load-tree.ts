// Loads a tree file safely: size cap, YAML 1.2 only, no aliases, no tags, no duplicate keys;
// then the schema, then the graph checks. Every problem is reported at once, with its position.
// Only user-supplied trees and `validate` come here: the built-in trees are compiled at build time.
import { readFile, stat } from 'node:fs/promises';
import * as v from 'valibot';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { checkTree, type TreeProblem } from '../core/check.js';
import { checkPartialTree } from '../core/partial-check.js';
import { TreeSchema, type Tree } from '../core/schema.js';
import { TreeError, UsageError, type Located } from '../errors.js';

export const MAX_TREE_BYTES = 8 * 1024 * 1024;

/** With a tree, `problems` holds only warnings; without one, at least one error. */
export type LoadResult = { tree: Tree; problems: Located[] } | { tree?: undefined; problems: Located[] };

/** Reads and checks a tree file. A missing or unreadable file is a usage error. */
export async function readTree(file: string): Promise<LoadResult> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`error: cannot read tree file "${file}": not a file`, 'unknown-tree');
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`error: cannot read tree file "${file}": no such file`, 'unknown-tree');
  }
  if (size > MAX_TREE_BYTES) {
    return { problems: [{ file, line: 1, col: 1, path: '', message: `file is ${size} bytes; the limit is ${MAX_TREE_BYTES}` }] };
  }
  return parseTree(await readFile(file, 'utf8'), file);
}

/** Like readTree, but an invalid tree throws a TreeError (exit 3). */
export async function loadTree(file: string): Promise<Tree> {
  const { tree, problems } = await readTree(file);
  if (!tree) throw new TreeError(problems);
  return tree;
}

export function parseTree(source: string, file: string): LoadResult {
  return parseValidJson(source) ?? parseYaml(source, file);
}

/**
 * Generated trees are often JSON, which is YAML too. JSON.parse is some fifty times faster than
 * the YAML parser, so a JSON source that is entirely valid is accepted here; anything wrong falls
 * through to the YAML path, which finds every problem and its position.
 */
function parseValidJson(source: string): LoadResult | undefined {
  if (!/^\s*\{/.test(source)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (hasDuplicateKey(source)) return undefined;
  const parsed = v.safeParse(TreeSchema, data);
  if (!parsed.success || checkTree(parsed.output).length > 0) return undefined;
  return { tree: parsed.output, problems: [] };
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

function parseYaml(source: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    uniqueKeys: true,
    merge: false,
    resolveKnownTags: false,
    logLevel: 'silent',
    stringKeys: true,
  });
  const at = (offset: number, path: string, message: string, warning?: true): Located => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col, path, message, ...(warning ? { warning } : {}) };
  };

  const problems = [...doc.errors, ...doc.warnings].map((e) =>
    at(e.pos[0], '', e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')),
  );
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    problems.push(at(0, '', `only YAML 1.2 is accepted, not %YAML ${doc.directives.yaml.version}`));
  }
  if (problems.length > 0) return { problems };

  // Trees need no aliases; refusing them all also stops alias bombs ("billion laughs").
  const aliases: number[] = [];
  visit(doc, { Alias: (_, alias) => void aliases.push(alias.range?.[0] ?? 0) });
  if (aliases.length > 0) {
    const more = aliases.length > 1 ? ` (${aliases.length} aliases; this is the first)` : '';
    return { problems: [at(aliases[0]!, '', `aliases (*name) are not allowed in trees${more}`)] };
  }

  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  const parsed = v.safeParse(TreeSchema, data);
  const located = (p: TreeProblem) => at(offsetOf(doc, p.path), p.path.join('.'), p.message, p.warning);
  if (!parsed.success) {
    const schema = parsed.issues.map((issue) => {
      const path = (issue.path ?? []).map((item) => item.key as string | number);
      return at(offsetOf(doc, path), path.join('.'), describe(issue, path));
    });
    return { problems: [...schema, ...checkPartialTree(data).map(located)] };
  }
  const graph = checkTree(parsed.output).map(located);
  return graph.some((p) => !p.warning) ? { problems: graph } : { tree: parsed.output, problems: graph };
}

/** Valibot's messages, made plain where it words them for programmers. */
function describe(issue: v.BaseIssue<unknown>, path: (string | number)[]): string {
  if (path.length === 0) return 'a tree must be a YAML mapping of id, title, question, reviewed, start, sources, questions and verdicts';
  if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown key ${issue.received}`;
  if (issue.type === 'strict_object' && issue.received === 'undefined') return `missing key ${issue.expected}`;
  // A long value would drown the message.
  return issue.received.length > 40 ? issue.message.replace(issue.received, `${issue.received.slice(0, 37)}…`) : issue.message;
}

/** The offset of the node at `path`, or of its nearest existing ancestor (for a missing key). */
function offsetOf(doc: Document, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}
