import { describe, expect, it } from 'vitest';
import { checkTree } from '../../src/core/check.js';
import type { Tree } from '../../src/core/schema.js';
import { fixture } from '../helpers.js';

const small = fixture('small.yaml');
/** A deep copy of the small tree, changed by `edit`. */
const variant = (edit: (tree: Tree) => void): Tree => {
  const tree = structuredClone(small);
  edit(tree);
  return tree;
};

describe('graph checks', () => {
  it('accept a valid DAG where a verdict is reached from several choices', () => {
    expect(checkTree(small)).toEqual([]);
  });

  it('find a dangling next', () => {
    const tree = variant((t) => (t.questions.app!.choices[1]!.next = 'gone'));
    expect(checkTree(tree)).toContainEqual({ path: ['questions', 'app', 'choices', 1, 'next'], message: 'next "gone" is not a question or verdict' });
  });

  it('find a cycle and name its nodes', () => {
    const tree = variant((t) => (t.questions.visibility!.choices[1]!.next = 'app'));
    expect(checkTree(tree)).toContainEqual({ path: ['questions', 'visibility', 'choices', 1, 'next'], message: 'cycle: app → content-feed → visibility → app' });
  });

  it('find unreachable questions and verdicts', () => {
    const tree = variant((t) => (t.questions.region!.choices[1]!.next = 'app'));
    expect(checkTree(tree)).toContainEqual({ path: ['verdicts', 'no-opt-out'], message: 'verdict "no-opt-out" is unreachable from start' });
  });

  it('warn, without failing the tree, about a cited source that quotes nothing', () => {
    const tree = variant((t) => delete t.sources.law!.quotes);
    expect(checkTree(tree)).toEqual([
      { path: ['sources', 'law'], message: 'source "law" is cited but quotes nothing: add the passages the tree relies on, verbatim', warning: true },
    ]);
  });

  it('find unknown and unused sources', () => {
    const tree = variant((t) => {
      t.verdicts['no-opt-out']!.disputed![0]!.sides[1]!.sources = ['nope'];
      t.verdicts.object!.sources = ['company'];
      t.verdicts.object!.steps[0]!.sources = ['company'];
      t.verdicts.object!.caveats![0]!.sources = ['company'];
    });
    expect(checkTree(tree)).toEqual([
      { path: ['verdicts', 'no-opt-out', 'disputed', 0, 'sides', 1, 'sources', 0], message: 'unknown source "nope"' },
      { path: ['sources', 'law'], message: 'source "law" is never cited' },
    ]);
  });

  it('find a key asked twice on one path, and a duplicate choice', () => {
    const tree = variant((t) => {
      t.questions.visibility!.ask = 'region';
      t.questions.app!.choices.push({ value: 'feed', label: 'Again', next: 'not-used' });
    });
    expect(checkTree(tree)).toEqual([
      { path: ['questions', 'app', 'choices', 2, 'value'], message: 'duplicate choice value "feed"' },
      { path: ['questions', 'region'], message: '"region" is asked again on a path below question "region"' },
    ]);
  });

  it('find a node id used for both a question and a verdict, and a start that is not a question', () => {
    const tree = variant((t) => {
      t.verdicts.app = t.verdicts['not-used']!;
      t.start = 'object';
    });
    expect(checkTree(tree).map((p) => p.message)).toEqual(expect.arrayContaining(['"app" is both a question and a verdict', 'start "object" is not a question']));
  });

  it('accept a `when` whose keys and values are answered on some path to its verdict', () => {
    const tree = variant((t) => {
      t.verdicts['not-used']!.steps.push({ text: 'Chat only.', sources: ['company'], when: { app: 'chat', content: ['messages'] } });
      t.verdicts['not-used']!.steps.push({ text: 'Private posts.', sources: ['company'], when: { visibility: 'private' } });
    });
    expect(checkTree(tree)).toEqual([]);
  });

  it('find `when` keys and values the tree does not have, or that no path to the verdict answers', () => {
    const tree = variant((t) => {
      t.verdicts.object!.steps[0]!.when = { regoin: 'eu' };
      t.verdicts.object!.caveats![0]!.when = { app: ['feed', 'fed'] };
      t.verdicts['no-opt-out']!.disputed![0]!.when = { region: 'eu' };
      t.verdicts['not-used']!.steps[0]!.when = { visibility: 'public', content: 'messages' };
    });
    expect(checkTree(tree)).toEqual([
      { path: ['verdicts', 'object', 'steps', 0, 'when', 'regoin'], message: 'when: the tree asks no question "regoin" (did you mean region?)' },
      { path: ['verdicts', 'object', 'caveats', 0, 'when', 'app', 1], message: 'when: "app" has no value "fed" (values: feed, chat)' },
      { path: ['verdicts', 'no-opt-out', 'disputed', 0, 'when', 'region'], message: 'when: no path to verdict "no-opt-out" answers region eu, so this is never shown' },
      { path: ['verdicts', 'not-used', 'steps', 0, 'when', 'visibility'], message: 'when: no path to verdict "not-used" answers visibility public, so this is never shown' },
    ]);
  });
});
