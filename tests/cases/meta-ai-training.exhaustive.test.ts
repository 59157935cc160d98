// Every path and every combination of the public flag values, checked exhaustively.
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerKeys } from '../../src/core/answers.js';
import { citedSourceIds } from '../../src/core/citations.js';
import { answersOf, enumeratePaths } from '../../src/core/paths.js';
import type { Tree } from '../../src/core/schema.js';
import { tailor } from '../../src/core/tailor.js';
import { walk } from '../../src/core/walk.js';
import { UsageError } from '../../src/errors.js';
import { loadTree } from '../../src/load/tree-file.js';
import { answer } from '../../src/commands/answer.js';
import { ROOT } from '../helpers.js';
import { ENGLISH_WORDS } from '../../src/words.js';

/** The flags and values scripts rely on (the issue's public contract), plus the sourced extras. */
const CONTRACT = {
  region: ['eu', 'uk', 'ch', 'br', 'us', 'other'],
  platform: ['facebook', 'instagram', 'threads', 'whatsapp', 'messenger', 'meta-ai', 'none'],
  content: ['posts', 'photos', 'comments', 'stories', 'profile', 'messages', 'ai-chats', 'about-me'],
  visibility: ['public', 'private'],
  age: ['adult', 'minor'],
};

/** Words that address a reader who has a Meta account: their account, profile, tags, login or Accounts Center. */
const OWN_ACCOUNT = /\byour (?:own )?(?:accounts?|profile)\b|\btag(?:s|ged)?\b|\blog(?:ged)? in\b|\baccounts? cent(?:er|re)\b/i;

let tree: Tree;
beforeAll(async () => {
  tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
});

describe('the Meta tree, exhaustively', () => {
  it('asks exactly the contract flags, with at least the contract values', () => {
    const keys = Object.fromEntries(answerKeys(tree).map((k) => [k.key, k.values]));
    expect(Object.keys(keys).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const [key, values] of Object.entries(CONTRACT)) expect(keys[key]).toEqual(expect.arrayContaining(values));
  });

  it('every path ends in a verdict', () => {
    const paths = enumeratePaths(tree);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(Object.hasOwn(tree.verdicts, path.verdictId)).toBe(true);
  });

  it('no path ends with zero steps, once the verdict is tailored to its answers (when)', () => {
    const empty = enumeratePaths(tree)
      .filter(({ steps, verdictId }) => tailor(tree.verdicts[verdictId]!, answersOf(steps)).steps.length === 0)
      .map(({ steps, verdictId }) => `${steps.map((s) => `--${s.ask} ${s.answer}`).join(' ')} → ${verdictId}`);
    expect(empty).toEqual([]);
  });

  it('every step of every verdict cites at least one source that exists, and every source is used', () => {
    const used = new Set<string>();
    for (const [id, verdict] of Object.entries(tree.verdicts)) {
      for (const step of verdict.steps) {
        expect(step.sources.length, `${id}: ${step.text}`).toBeGreaterThan(0);
        for (const source of step.sources) expect(Object.hasOwn(tree.sources, source), `${id} cites ${source}`).toBe(true);
      }
      citedSourceIds(verdict).forEach((s) => used.add(s));
    }
    expect(Object.keys(tree.sources).filter((s) => !used.has(s))).toEqual([]);
  });

  it('every source cited on any path, as the person sees it, quotes the passages it is cited for', () => {
    const unquoted = new Set<string>();
    for (const { steps, verdictId } of enumeratePaths(tree)) {
      for (const id of citedSourceIds(tailor(tree.verdicts[verdictId]!, answersOf(steps)))) {
        const quotes = tree.sources[id]!.quotes ?? [];
        if (quotes.length === 0 || quotes.some((q) => !q.text.trim() || (q.lang && !q.en))) unquoted.add(id);
      }
    }
    expect([...unquoted]).toEqual([]);
  });

  it('no step, caveat or dispute on a no-account path speaks of the reader’s own account or tags', () => {
    const noAccount = enumeratePaths(tree).filter(({ steps }) => answersOf(steps).platform === 'none');
    expect(new Set(noAccount.map(({ steps }) => answersOf(steps).region)).size).toBe(answerKeys(tree).find((k) => k.key === 'region')!.values.length);
    const offTarget = noAccount.flatMap(({ steps, verdictId }) => {
      const verdict = tailor(tree.verdicts[verdictId]!, answersOf(steps));
      const texts = [
        ...verdict.steps.map((step) => step.text),
        ...(verdict.caveats ?? []).map((caveat) => caveat.text),
        ...(verdict.disputed ?? []).flatMap((dispute) => [dispute.topic, ...dispute.sides.map((side) => side.claim)]),
      ];
      const where = steps.map((s) => `--${s.ask} ${s.answer}`).join(' ');
      return texts.filter((text) => OWN_ACCOUNT.test(text)).map((text) => `${where}: ${text}`);
    });
    expect(offTarget).toEqual([]);
  });

  it('the EFF’s account of WhatsApp (what is addressed to @Meta AI leaves end-to-end encryption) reaches other readers only where it names WhatsApp', () => {
    const offTarget = enumeratePaths(tree)
      .filter(({ steps }) => answersOf(steps).platform !== 'whatsapp')
      .flatMap(({ steps, verdictId }) => {
        const verdict = tailor(tree.verdicts[verdictId]!, answersOf(steps));
        const items = [
          ...verdict.steps,
          ...(verdict.caveats ?? []),
          ...(verdict.disputed ?? []).flatMap((dispute) => dispute.sides.map((side) => ({ text: side.claim, sources: side.sources }))),
        ];
        const where = steps.map((s) => `--${s.ask} ${s.answer}`).join(' ');
        return items
          .filter(({ text, sources }) => (sources.includes('eff-2025') || /end-to-end/i.test(text)) && !/WhatsApp/.test(text))
          .map(({ text }) => `${where}: ${text}`);
      });
    expect(offTarget).toEqual([]);
  });

  it('Muse is offered for every region; where it was not reported available, the reader is told so first (dossier §8.3 Muse)', () => {
    const regions = answerKeys(tree).find((k) => k.key === 'region')!.values;
    for (const region of regions) {
      const answers = { region, platform: 'muse', content: 'ai-chats' };
      const result = walk(tree, answers);
      expect(result.kind, region).toBe('verdict');
      if (result.kind !== 'verdict') continue;
      expect(result.verdictId, region).toBe('muse-training');
      const steps = tailor(result.verdict, answers).steps.map((step) => step.text);
      const available = region === 'us' || region === 'ca';
      expect(steps[0]!.startsWith('Where you live:'), region).toBe(!available);
      expect(steps.some((text) => text.startsWith('Turn it off: Muse → Settings → Data controls')), region).toBe(true);
    }
  });

  it('every combination of flag values reaches a verdict or is refused, exit 2, saying why', async () => {
    const keys = answerKeys(tree);
    const combos = keys.reduce<Record<string, string>[]>((acc, { key, values }) => acc.flatMap((a) => values.map((v) => ({ ...a, [key]: v }))), [{}]);
    let verdicts = 0;
    let refused = 0;
    for (const answers of combos) {
      const result = walk(tree, answers);
      if (result.kind === 'verdict') {
        verdicts++;
        continue;
      }
      expect(result.kind, JSON.stringify(answers)).toBe('not-applicable');
      const error = await answerError(answers);
      expect(error).toBeInstanceOf(UsageError);
      expect(error!.exitCode).toBe(2);
      const key = result.question.ask ?? result.questionId;
      const last = result.path.at(-1)!;
      expect(error!.message).toContain(`--${key} ${answers[key]} does not apply with --${last.ask} ${last.answer}`);
      expect(error!.message).toContain('takes one of:');
      refused++;
    }
    expect(verdicts + refused).toBe(combos.length);
    expect(verdicts).toBeGreaterThan(0);
  });
});

/** Runs the real answer orchestration in-process, as the CLI does, and returns what it threw. */
async function answerError(answers: Record<string, string>): Promise<UsageError | undefined> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {}, onInterrupt: () => () => {}, onSignal: () => () => {}, suspend: () => {}, today: new Date('2026-11-23') };
  try {
    await answer({ tree, command: 'optout-check', answers, input: false, json: true, explain: false, colour: false, pager: false, plain: false, words: ENGLISH_WORDS }, io);
    return undefined;
  } catch (error) {
    return error as UsageError;
  }
}
