// Reads back what an earlier run wrote, for `optout-check changes`: a verdict or a plan saved with
// --json, or a plan saved with --format markdown (whose first line names the tree, its review date
// and the answers). The same readers read today's rendering of the same answers, so both sides of
// the comparison are seen alike. Anything else is refused as damaged, never guessed at.
import * as v from 'valibot';
import type { SeenStep, SeenVerdict, Snapshot } from '../core/changes.js';
import { answerRecord } from '../core/graph.js';
import { UsageError } from '../errors.js';
import { SAVED_LINE } from '../render/plan-markdown.js';
import { ENGLISH_WORDS, type Words } from '../words.js';

export type SavedKind = 'verdict' | 'plan' | 'plan-markdown';

export interface Saved {
  kind: SavedKind;
  treeId: string;
  /** The language its texts are in (`lang` of the JSON, or of the Markdown plan's first line). */
  lang: string;
  /** As the command line gives them: a varying key's values comma-separated. */
  answers: Record<string, string>;
  snapshot: Snapshot;
}

const Step = v.looseObject({ text: v.string(), url: v.optional(v.string()), only: v.optional(v.string()) });
const TreeStamp = v.looseObject({ id: v.string(), reviewed: v.string() });

const VerdictDocument = v.looseObject({
  schemaVersion: v.literal(1),
  lang: v.optional(v.string()),
  tree: TreeStamp,
  answers: v.record(v.string(), v.string()),
  verdict: v.looseObject({ outcome: v.string(), title: v.string(), steps: v.array(Step) }),
});

const PlanDocument = v.looseObject({
  schemaVersion: v.literal(1),
  lang: v.optional(v.string()),
  tree: TreeStamp,
  answers: v.record(v.string(), v.union([v.string(), v.array(v.string())])),
  plan: v.array(
    v.looseObject({
      verdicts: v.array(v.looseObject({ outcome: v.string(), title: v.string(), covers: v.string(), steps: v.array(v.union([Step, v.looseObject({ sameAs: v.number() })])) })),
    }),
  ),
});

const NOT_SAVED = 'is not an answer or a plan saved by optout-check (save one with --json, or with plan --format markdown)';

/** `file` names the file in messages. */
export function readSaved(text: string, file: string): Saved {
  const damaged = (why: string) => new UsageError(`error: ${file} is damaged: ${why}`);
  if (text.trimStart().startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw damaged(`it is not valid JSON (${(error as Error).message})`);
    }
    const kind = data !== null && typeof data === 'object' && 'plan' in data ? 'plan' : 'verdict';
    const parsed = v.safeParse(kind === 'plan' ? PlanDocument : VerdictDocument, data);
    if (!parsed.success) {
      if (data !== null && typeof data === 'object' && 'error' in data) throw new UsageError(`error: ${file} holds an error that an earlier run printed, not an answer`);
      const issue = parsed.issues[0];
      const path = (issue.path ?? []).map((item) => String(item.key)).join('.') || 'the document';
      throw damaged(issue.received === 'undefined' ? `${path} is missing` : `${path}: ${issue.message}`);
    }
    const answers = answerRecord(Object.fromEntries(Object.entries(parsed.output.answers).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value])));
    return { kind, treeId: parsed.output.tree.id, lang: parsed.output.lang ?? 'en', answers, snapshot: snapshotOf(kind, text) };
  }
  const first = text.split('\n', 1)[0]!.trim();
  if (!first.startsWith('<!-- optout-check plan')) throw new UsageError(`error: ${file} ${NOT_SAVED}`);
  const stamp = SAVED_LINE.exec(first);
  if (!stamp) throw damaged('its first line, which names the tree and the answers, cannot be read');
  const answers = answerRecord(Object.fromEntries(stamp[4]!.trim().split(' ').filter(Boolean).map((pair) => pair.split('=') as [string, string])));
  const snapshot = snapshotOf('plan-markdown', text);
  if (snapshot.verdicts.length === 0) throw damaged('it has no verdict headings (### …)');
  return { kind: 'plan-markdown', treeId: stamp[1]!, lang: stamp[3] ?? 'en', answers, snapshot };
}

/**
 * The verdicts and steps a saved document shows; `text` is one that readSaved accepts, or today's
 * rendering. `covers`: a Markdown plan's line that says whom a verdict is for, in its language.
 */
export function snapshotOf(kind: SavedKind, text: string, covers = coversLine(ENGLISH_WORDS)): Snapshot {
  if (kind === 'plan-markdown') return markdownSnapshot(text, covers);
  if (kind === 'verdict') {
    const { tree, verdict } = v.parse(VerdictDocument, JSON.parse(text));
    return { reviewed: tree.reviewed, verdicts: [{ covers: '', outcome: verdict.outcome, title: verdict.title }], steps: verdict.steps.map(seenStep) };
  }
  const { tree, plan } = v.parse(PlanDocument, JSON.parse(text));
  const groups = plan.flatMap((section) => section.verdicts);
  return {
    reviewed: tree.reviewed,
    verdicts: groups.map(({ covers, outcome, title }) => ({ covers, outcome, title })),
    // A step given earlier in the plan (`sameAs`) is not a step of its own.
    steps: groups.flatMap((group) => group.steps.flatMap((step) => ('sameAs' in step ? [] : [seenStep(step as v.InferOutput<typeof Step>)]))),
  };
}

/** A step as a reader sees it: its scope (`only`) is part of its words. */
const seenStep = ({ text, url, only }: { text: string; url?: string | undefined; only?: string | undefined }): SeenStep => ({
  text: only ? `Only for ${only}: ${text}` : text,
  ...(url ? { url } : {}),
});

/**
 * A Markdown plan (render/plan-markdown.ts) read back: `### Title (outcome)` and its `For …` line
 * per verdict, and `- [ ] **n.** step [1][2] <url>` per step, ticked or not.
 */
function markdownSnapshot(text: string, coversPattern: RegExp): Snapshot {
  const reviewed = SAVED_LINE.exec(text.split('\n', 1)[0]!.trim())?.[2] ?? '';
  const verdicts: SeenVerdict[] = [];
  const steps: SeenStep[] = [];
  let previous = '';
  for (const line of text.split('\n')) {
    if (line === '## Sources') break;
    const heading = /^### (.*) \(([a-z-]+)\)$/.exec(line);
    if (heading) verdicts.push({ covers: '', outcome: heading[2]!, title: unescape(heading[1]!) });
    // The line after a verdict's heading says which combinations it covers.
    const covers = coversPattern.exec(line);
    if (covers && previous.startsWith('### ')) verdicts.at(-1)!.covers = unescape(covers[1]!);
    if (line.trim() !== '') previous = line;
    const step = /^- \[[ xX]\] \*\*\d+\.\*\* (.*?) (?:\[\d+\])+(?: <([^<>\s]*)>)?$/.exec(line);
    if (step) steps.push({ text: unescape(step[1]!), ...(step[2] ? { url: step[2] } : {}) });
  }
  return { reviewed, verdicts, steps };
}

/** The line `plan.for` makes in `words`' language ("For …." in English), as a pattern. */
export function coversLine(words: Words): RegExp {
  const [before, after] = words.say('plan.for', { covers: '\u0000' }).split('\u0000') as [string, string];
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(before)}(.*)${literal(after)}$`);
}

/** md() in render/plan-markdown.ts undone: a backslash escapes the character after it. */
const unescape = (text: string): string => text.replace(/\\(.)/g, '$1');
