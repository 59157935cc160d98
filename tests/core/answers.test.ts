import { describe, expect, it } from 'vitest';
import { answerKeys, checkAnswers } from '../../src/core/answers.js';
import { answerRecord } from '../../src/core/graph.js';
import { buildMatrix } from '../../src/core/matrix.js';
import { choicesFor, openQuestions } from '../../src/core/open-questions.js';
import { walk } from '../../src/core/walk.js';
import { mergedAnswers } from '../../src/invocation.js';
import { suggest } from '../../src/core/suggest.js';
import { fixture } from '../helpers.js';
import { ENGLISH_WORDS } from '../../src/words.js';

const tree = fixture('small.yaml');

describe('answer keys', () => {
  it('lists each key once, with the values of every question that asks it', () => {
    expect(answerKeys(tree)).toEqual([
      { key: 'region', prompt: 'Where do you live?', values: ['eu', 'us'] },
      { key: 'app', prompt: 'Which app?', values: ['feed', 'chat'] },
      { key: 'content', prompt: 'Which content?', values: ['posts', 'messages'] },
      { key: 'visibility', prompt: 'Who can see it?', values: ['public', 'private'] },
    ]);
  });

  it('flags unknown keys and values, with a suggestion', () => {
    expect(checkAnswers(tree, { region: 'usa', colour: 'red', app: 'feed' }).problems).toEqual([
      { kind: 'bad-value', key: 'region', value: 'usa', values: ['eu', 'us'], suggestion: 'us' },
      { kind: 'unknown-key', key: 'colour', value: 'red', suggestion: undefined },
    ]);
  });

  it('matches values in any case and gives them in the tree\'s spelling', () => {
    expect(checkAnswers(tree, { region: 'EU', app: 'Feed', content: 'posts' })).toEqual({
      answers: { region: 'eu', app: 'feed', content: 'posts' },
      problems: [],
    });
  });

  it('names every question still open, with the values possible there; a single choice is not open', () => {
    expect(openQuestions(tree, 'region', { region: 'eu', app: 'feed' })).toEqual([
      { key: 'content', prompt: 'Which content?', values: ['posts', 'messages'] },
      { key: 'visibility', prompt: 'Who can see it?', values: ['public', 'private'] },
    ]);
    expect(openQuestions(tree, 'region', { region: 'eu', app: 'chat' })).toEqual([]);
    expect(openQuestions(tree, 'region', {}).map((q) => q.key)).toEqual(['region', 'app', 'content', 'visibility']);
  });
});

describe('the choices still open for a key, given the other answers (shell completion)', () => {
  const values = (key: string, given: Record<string, string[]>) => choicesFor(tree, key, new Map(Object.entries(given))).map((c) => c.value);

  it('follows the given answers, every choice where none is given, and lists each value once', () => {
    expect(values('content', {})).toEqual(['posts', 'messages']);
    expect(values('content', { region: ['eu'], app: ['chat'] })).toEqual(['messages']);
    expect(values('content', { app: ['feed', 'chat'] })).toEqual(['posts', 'messages']);
    expect(values('app', { region: ['us'] })).toEqual([]); // that path asks no more
    expect(values('visibility', { app: ['chat'] })).toEqual([]);
  });
});

describe('suggest', () => {
  it.each([
    ['usa', ['eu', 'us', 'uk'], 'us'],
    ['instagarm', ['facebook', 'instagram'], 'instagram'],
    ['insta', ['facebook', 'instagram'], 'instagram'],
    ['pubilc', ['public', 'private'], 'public'],
    ['zzzz', ['public', 'private'], undefined],
  ])('%s among %j → %s', (input, candidates, expected) => {
    expect(suggest(input, candidates)).toBe(expected);
  });
});

describe('answer keys named like Object properties (constructor, __proto__)', () => {
  const ctor = fixture('constructor-key.yaml');

  it('a question asking "constructor" is answered, and its absence is an open question', () => {
    expect(walk(ctor, answerRecord({ region: 'eu', constructor: 'public' }))).toMatchObject({ kind: 'verdict', verdictId: 'object' });
    expect(walk(ctor, answerRecord({ region: 'eu' }))).toMatchObject({ kind: 'question', questionId: 'kind' });
    expect(checkAnswers(ctor, answerRecord({ constructor: 'public' })).problems).toEqual([]);
  });

  it('--constructor and --answer constructor=… agree when they say the same', () => {
    const invocation = { tree: undefined, flags: answerRecord({ constructor: 'public' }), answers: answerRecord(), json: false, explain: false, input: true, colour: true, pager: true, accessible: false };
    expect({ ...mergedAnswers(invocation, ENGLISH_WORDS) }).toEqual({ constructor: 'public' });
  });

  it('the matrix leaves the cell of an unasked "constructor" empty', () => {
    const rows = buildMatrix(ctor).rows;
    expect(rows.map((row) => row.answers.constructor ?? '')).toEqual(['public', 'private', '']);
  });

  it('an answer keyed "__proto__" is kept as an answer, and refused as an unknown question', () => {
    const answers = answerRecord();
    answers['__proto__'] = 'x';
    expect(Object.keys(answers)).toEqual(['__proto__']);
    expect(checkAnswers(ctor, answers).problems).toEqual([{ kind: 'unknown-key', key: '__proto__', value: 'x', suggestion: undefined }]);
  });
});
