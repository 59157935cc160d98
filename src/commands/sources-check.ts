// `optout-check sources check`: fetches every address the tree's sources were seen at, looks for
// each quoted passage there, and reports what a person must look at. With --update, it writes
// `checked: <today>` on each source whose quotes were all found; with --archive, it names the
// Wayback Machine's closest snapshot of each page gone or missing a quote.
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { addressesOf, byStatus, confirmedSources, dayOf, statusOf, tally, unaddressedSources, type AddressCheck, type SourcesReport } from '../core/freshness.js';
import { safeLine } from '../core/safe-text.js';
import type { Tree } from '../core/schema.js';
import { systemReason, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { BUILTIN_TREE_DIR, builtinTrees } from '../load/builtin-trees.js';
import { withCheckedDates } from '../load/checked-dates.js';
import { renderSourcesJson } from '../render/sources-json.js';
import { renderSourcesMarkdown } from '../render/sources-markdown.js';
import { renderSourcesText } from '../render/sources-text.js';
import { checkAddresses } from '../web/check-addresses.js';
import type { FetchSettings } from '../web/fetch-page.js';
import { PoliteQueue } from '../web/polite-queue.js';
import { closestSnapshot, WAYBACK_API } from '../web/wayback.js';

declare const __VERSION__: string;

/** The exit code when something needs a person (README, Exit codes). */
export const NEEDS_A_PERSON = 4;

export type SourcesFormat = 'text' | 'markdown' | 'json';

/** How gently the sites are asked (README, Checking the sources). */
export interface Politeness {
  timeoutSeconds: number;
  delaySeconds: number;
  concurrency: number;
}

export interface SourcesCheckOptions extends Politeness {
  tree: Tree;
  /** --tree as given: a built-in id or a file. --update writes to that file, or to the built-in tree's YAML. */
  treeRef: string;
  format: SourcesFormat;
  update: boolean;
  archive: boolean;
}

const MAX_BYTES = 5 * 1024 * 1024;

/** Returns the exit code: NEEDS_A_PERSON when any address needs a person, else 0. */
export async function sourcesCheck(options: SourcesCheckOptions, io: Io): Promise<number> {
  const { tree } = options;
  const today = dayOf(io.today);
  const clock = { now: () => Date.now(), sleep: (ms: number) => sleep(ms) };
  const settings: FetchSettings = {
    queue: new PoliteQueue(options.concurrency, options.delaySeconds * 1000, clock),
    clock,
    userAgent: `optout-check/${__VERSION__} (sources check)`,
    timeoutMs: options.timeoutSeconds * 1000,
    maxBytes: MAX_BYTES,
    retries: 2,
    retryBaseMs: Math.max(options.delaySeconds * 1000, 100),
    maxRetryWaitMs: 60_000,
  };
  const addresses = addressesOf(tree);
  const progress = io.stderr.isTTY ? (done: number, total: number) => void io.stderr.write(`\rfetched ${done} of ${total} addresses`) : undefined;
  let checks = await checkAddresses(addresses, settings, progress);
  if (progress) io.stderr.write('\r\u001b[K');
  if (options.archive) checks = await withArchives(tree, checks, io.env.OPTOUT_CHECK_WAYBACK_API || WAYBACK_API, settings);

  const report: SourcesReport = { tree, date: today, checks: byStatus(checks).flatMap(([, group]) => group), unaddressed: unaddressedSources(tree, addresses) };
  const render = { json: renderSourcesJson, markdown: renderSourcesMarkdown, text: renderSourcesText }[options.format];
  io.stdout.write(render(report));
  if (options.update) await update(options.treeRef, confirmedSources(tree, checks), today, io);
  return tally(checks).needPerson > 0 ? NEEDS_A_PERSON : 0;
}

/** The Wayback Machine's closest snapshot of each page gone or missing a quote, near when it was last confirmed. */
async function withArchives(tree: Tree, checks: AddressCheck[], api: string, settings: FetchSettings): Promise<AddressCheck[]> {
  return Promise.all(
    checks.map(async (check) => {
      const status = statusOf(check);
      if (status !== 'gone' && status !== 'quote-missing') return check;
      const archive = await closestSnapshot(api, check.url, tree.sources[check.sourceId]!.checked ?? tree.reviewed, settings);
      return archive ? { ...check, archive } : check;
    }),
  );
}

async function update(treeRef: string, ids: string[], date: string, io: Io): Promise<void> {
  const file = builtinTrees().some((t) => t.id === treeRef) ? fileURLToPath(new URL(`${treeRef}.yaml`, BUILTIN_TREE_DIR)) : treeRef;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`error: --update cannot read ${file}: ${systemReason(error) ?? String(error)}`);
  }
  const { parseTree } = await import('../load/tree-file.js');
  if (!parseTree(source, file).tree) throw new UsageError(`error: --update: ${file} is not a valid tree (optout-check validate ${file} says why); nothing was written`);
  const { text, missing } = withCheckedDates(source, ids, date);
  // The edit touches only `checked` lines: the result must still be a valid tree.
  if (!parseTree(text, file).tree) throw new Error(`--update would leave ${file} invalid; nothing was written`);
  if (text !== source) {
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch (error) {
      throw new UsageError(`error: --update cannot write ${file}: ${systemReason(error) ?? String(error)}`);
    }
  }
  const written = ids.length - missing.length;
  io.stderr.write(`${safeLine(`--update: checked: ${date} on ${written} source${written === 1 ? '' : 's'} in ${file}`)}\n`);
  if (missing.length > 0) io.stderr.write(`${safeLine(`warning: not in ${file}, so not updated (rebuild after editing a tree): ${missing.join(', ')}`)}\n`);
}
