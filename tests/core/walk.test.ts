import { describe, expect, it } from 'vitest';
import { walk } from '../../src/core/walk.js';
import { fixture } from '../helpers.js';

const tree = fixture('small.yaml');

describe('walk', () => {
  it('stops at the first question without an answer', () => {
    const result = walk(tree, {});
    expect(result).toMatchObject({ kind: 'question', questionId: 'region', path: [] });
  });

  it('follows answers to a verdict and records the path', () => {
    const result = walk(tree, { region: 'eu', app: 'feed', content: 'posts', visibility: 'public' });
    expect(result.kind).toBe('verdict');
    if (result.kind !== 'verdict') return;
    expect(result.verdictId).toBe('object');
    expect(result.path.map((s) => `${s.ask}=${s.answer}`)).toEqual(['region=eu', 'app=feed', 'content=posts', 'visibility=public']);
    expect(result.path[2]).toMatchObject({ question: 'content-feed', label: 'Posts' });
  });

  it('asks the same key through whichever question the path reaches', () => {
    const result = walk(tree, { region: 'eu', app: 'chat', content: 'messages' });
    expect(result).toMatchObject({ kind: 'verdict', verdictId: 'not-used' });
    expect(result.path[2]).toMatchObject({ question: 'content-chat', ask: 'content' });
  });

  it('ignores answers the path does not reach', () => {
    const result = walk(tree, { region: 'us', app: 'chat', visibility: 'private' });
    expect(result).toMatchObject({ kind: 'verdict', verdictId: 'no-opt-out' });
    expect(result.path).toHaveLength(1);
  });

  it('answers a question with a single choice without asking, and marks it', () => {
    const result = walk(tree, { region: 'eu', app: 'chat' });
    expect(result).toMatchObject({ kind: 'verdict', verdictId: 'not-used' });
    expect(result.path[2]).toEqual({ question: 'content-chat', ask: 'content', answer: 'messages', label: 'Messages', auto: true });
    const given = walk(tree, { region: 'eu', app: 'chat', content: 'messages' });
    expect(given.path[2]).not.toHaveProperty('auto');
  });

  it('reports a value that is not a choice at the question reached', () => {
    const result = walk(tree, { region: 'eu', app: 'chat', content: 'posts' });
    expect(result).toMatchObject({ kind: 'not-applicable', questionId: 'content-chat', value: 'posts' });
  });

  it('is deterministic: the same input gives the same result', () => {
    const answers = { region: 'eu', app: 'feed', content: 'posts', visibility: 'private' };
    expect(walk(tree, answers)).toEqual(walk(tree, answers));
  });
});
