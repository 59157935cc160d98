// The site's pages, from the small fixture: one per state a walk stops at, addressed by the answers
// given, in menu order; a question with one choice never has a page; the cap stops a huge tree.
import { describe, expect, it } from 'vitest';
import { addressOf, MAX_SITE_ADDRESS, siteMap } from '../../src/core/site-map.js';
import { walk } from '../../src/core/walk.js';
import { fixture } from '../helpers.js';

const tree = fixture('small.yaml');

describe('siteMap', () => {
  it('has a page for each question a walk stops at, and one for each path, in menu order', () => {
    const map = siteMap(tree);
    expect(map.questions.map((q) => [q.values.join('/'), q.questionId, q.key])).toEqual([
      ['', 'region', 'region'],
      ['eu', 'app', 'app'],
      ['eu/feed', 'content-feed', 'content'],
      ['eu/feed/posts', 'visibility', 'visibility'],
    ]);
    expect(map.verdicts.map((v) => [v.values.join('/'), v.verdictId])).toEqual([
      ['eu/feed/posts/public', 'object'],
      ['eu/feed/posts/private', 'not-used'],
      ['eu/feed/messages', 'not-used'],
      ['eu/chat', 'not-used'],
      ['us', 'no-opt-out'],
    ]);
    expect(map.refused).toBeUndefined();
  });

  it('takes a question with a single choice without a page, as the terminal does, and keeps it in the path', () => {
    const chat = siteMap(tree).verdicts.find((v) => v.values.join('/') === 'eu/chat')!;
    expect(chat.path.map((step) => [step.ask, step.answer, step.auto ?? false])).toEqual([
      ['region', 'eu', false],
      ['app', 'chat', false],
      ['content', 'messages', true],
    ]);
    expect({ ...chat.answers }).toEqual({ region: 'eu', app: 'chat' });
  });

  it('gives each page the answers that lead the walker back to it', () => {
    const map = siteMap(tree);
    for (const page of [...map.questions, ...map.verdicts]) {
      const again = walk(tree, page.answers);
      expect(addressOf(tree, again.path)).toEqual(page.values);
      expect(again.kind).toBe('verdictId' in page ? 'verdict' : 'question');
    }
  });

  it('stops past the cap on answered paths, and says so', () => {
    const map = siteMap(tree, 2);
    expect(map.refused).toBe('paths');
    expect(map.verdicts).toHaveLength(2);
  });

  it(`stops at an address longer than ${MAX_SITE_ADDRESS} characters, and says so`, () => {
    const long = 'v'.repeat(MAX_SITE_ADDRESS + 1);
    const deep = { ...tree, questions: { ...tree.questions, region: { ...tree.questions.region!, choices: [{ value: long, label: 'Long', next: 'no-opt-out' }, ...tree.questions.region!.choices] } } };
    const map = siteMap(deep);
    expect(map.refused).toBe('address');
    expect(siteMap({ ...deep, questions: { ...deep.questions, region: { ...deep.questions.region, choices: [{ value: long.slice(1), label: 'Long', next: 'no-opt-out' }, ...tree.questions.region!.choices] } } }).refused).toBeUndefined();
  });
});

describe('addressOf', () => {
  it('leaves out the questions with a single choice, whether or not the answer was given', () => {
    const given = walk(tree, { region: 'eu', app: 'chat', content: 'messages' });
    expect(addressOf(tree, given.path)).toEqual(['eu', 'chat']);
  });
});
