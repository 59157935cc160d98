// `optout-check changes SAVED`: reads an answer or a plan an earlier run wrote, answers the same
// questions with the current tree, renders that the same way, and says what is different. A file
// from another tree, a damaged file, or answers the tree no longer takes are refused (exit 2).
import { open } from 'node:fs/promises';
import { checkAnswers } from '../core/answers.js';
import { compareSnapshots } from '../core/changes.js';
import { explore } from '../core/combinations.js';
import { LIMITS, thousands } from '../core/limits.js';
import { openQuestions } from '../core/open-questions.js';
import { buildPlan } from '../core/plan.js';
import { buildReport } from '../core/report.js';
import type { Tree } from '../core/schema.js';
import { walk } from '../core/walk.js';
import { isCliError, systemReason, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { inLanguage } from '../load/language.js';
import { coversLine, readSaved, snapshotOf, type Saved } from '../load/saved-file.js';
import { renderJson } from '../render/json.js';
import { renderPlanJson } from '../render/plan-json.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { renderChangesJson, renderChangesText } from '../render/changes.js';
import { invalidAnswers, notApplicable } from './answer-messages.js';
import { readAnswers } from './plan.js';
import { ENGLISH_WORDS, planPhrases, type Words } from '../words.js';

export interface ChangesOptions {
  tree: Tree;
  /** The tree's file, for its translations beside it; undefined for a built-in tree. */
  treeFile: string | undefined;
  /** The saved file. */
  saved: string;
  json: boolean;
}

export async function changes({ tree, treeFile, saved: file, json }: ChangesOptions, io: Pick<Io, 'stdout'>): Promise<number> {
  const text = await readFileCapped(file);
  let saved = readSaved(text, file);
  if (saved.treeId !== tree.id) {
    throw new UsageError(`error: ${file} was made with the tree "${saved.treeId}", not "${tree.id}": pass --tree ${saved.treeId} (a built-in id or its file)`);
  }
  // Rendered again in the language it was saved in, so that only what changed differs.
  const shown = saved.lang === 'en' ? { tree, words: ENGLISH_WORDS } : await inLanguage(tree, treeFile, { tag: saved.lang, from: `the lang of ${file}:`, explicit: true });
  if (saved.lang !== 'en') saved = { ...saved, snapshot: snapshotOf(saved.kind, text, coversLine(shown.words)) };
  const today = snapshotOf(saved.kind, renderAgain(shown.tree, saved, file, shown.words), coversLine(shown.words));
  const found = compareSnapshots(saved.snapshot, today);
  io.stdout.write(json ? renderChangesJson(found, tree.id, saved.answers) : renderChangesText(found, file));
  return 0;
}

/**
 * The same answers, rendered as the saved file was: a verdict's JSON, a plan's JSON or Markdown, in
 * its language (`tree` and `words`). Why they no longer fit is said in English, as changes speaks.
 */
function renderAgain(tree: Tree, saved: Saved, file: string, words: Words): string {
  const noLonger = (why: string) => new UsageError(`error: the answers in ${file} no longer fit this tree (reviewed ${tree.reviewed}): ${why}\nRun optout-check again to answer afresh.`);
  if (saved.kind === 'verdict') {
    const { answers, problems } = checkAnswers(tree, saved.answers);
    if (problems.length > 0) throw noLonger(unprefixed(invalidAnswers(problems, ENGLISH_WORDS)));
    const walked = walk(tree, answers);
    if (walked.kind === 'question') throw noLonger(`it also asks ${openQuestions(tree, walked.questionId, answers).map((q) => `--${q.key}`).join(', ')}`);
    if (walked.kind === 'not-applicable') throw noLonger(unprefixed(notApplicable(walked, ENGLISH_WORDS)));
    return renderJson(buildReport(tree, answers, walked, false));
  }
  let read: ReturnType<typeof readAnswers>;
  try {
    read = readAnswers(tree, saved.answers, ENGLISH_WORDS);
  } catch (error) {
    if (isCliError(error)) throw noLonger(unprefixed(error));
    throw error;
  }
  const exploration = explore(tree, read.shared, read.selection);
  if (exploration.tooMany) throw noLonger(`they make more than ${thousands(LIMITS.combinations.max)} combinations`);
  if (exploration.open.length > 0) {
    const keys = openQuestions(tree, exploration.open.map((o) => o.questionId), read.shared).filter((k) => !read.selection.has(k.key));
    throw noLonger(`it also asks ${keys.map((k) => `--${k.key}`).join(', ')}`);
  }
  if (exploration.combinations.length === 0) throw noLonger('none of their combinations exists in it');
  const plan = buildPlan(tree, exploration.combinations, read.shared, read.selection, planPhrases(words));
  return saved.kind === 'plan' ? renderPlanJson(plan) : renderPlanMarkdown(plan, 'optout-check plan', words);
}

const unprefixed = (error: Error): string => error.message.replace(/^error: /, '');

/** A saved answer or plan is far smaller; a larger file is not one. */
const MAX_SAVED_BYTES = 8 * 1024 * 1024;

/** The file, read once, up to the cap. */
async function readFileCapped(file: string): Promise<string> {
  try {
    const handle = await open(file, 'r');
    try {
      if (!(await handle.stat()).isFile()) throw new UsageError(`error: cannot read ${file}: not a file`);
      const buffer = Buffer.alloc(MAX_SAVED_BYTES + 1);
      let size = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, size, buffer.length - size, size);
        size += bytesRead;
        if (bytesRead === 0 || size === buffer.length) break;
      }
      if (size > MAX_SAVED_BYTES) throw new UsageError(`error: ${file} is larger than ${MAX_SAVED_BYTES} bytes, so not a saved answer`);
      return buffer.subarray(0, size).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isCliError(error)) throw error;
    throw new UsageError(`error: cannot read ${file}: ${systemReason(error) ?? String(error)}`);
  }
}
