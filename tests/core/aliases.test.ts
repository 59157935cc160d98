// Answers that forgive: a choice's aliases name its value (`--region germany` is eu), in any case
// and with or without accents; validate refuses an alias that names two values.
import { describe, expect, it } from 'vitest';
import { answerForm, checkAnswers, readAnswer, spellings } from '../../src/core/answers.js';
import { checkTree } from '../../src/core/check.js';
import type { Tree } from '../../src/core/schema.js';
import { loadTree } from '../../src/load/tree-file.js';
import { fixture, ROOT } from '../helpers.js';

/** The small tree with aliases on its regions. */
const withAliases = (edit: (tree: Tree) => void = () => {}): Tree => {
  const tree = structuredClone(fixture('small.yaml'));
  tree.questions.region!.choices[0]!.aliases = ['Europe', 'Österreich', 'at'];
  tree.questions.region!.choices[1]!.aliases = ['USA', 'United States of America'];
  edit(tree);
  return tree;
};

describe('aliases name their value', () => {
  it('compares in any case, without accents, with spaces, dashes, dots and underscores alike', () => {
    expect(['Österreich', 'OSTERREICH', ' österreich ', 'österreich'].map(answerForm)).toEqual(Array(4).fill('osterreich'));
    expect(['europe-other', 'Europe_Other', 'europe other', 'europe.other'].map(answerForm)).toEqual(Array(4).fill('europe other'));
  });

  it('answers by alias become the value; output shows the value', () => {
    expect(checkAnswers(withAliases(), { region: 'osterreich' })).toEqual({ answers: { region: 'eu' }, problems: [] });
    expect(checkAnswers(withAliases(), { region: 'united states of america' }).answers).toEqual({ region: 'us' });
    expect(checkAnswers(withAliases(), { region: 'AT' }).answers).toEqual({ region: 'eu' });
  });

  it('a typo near an alias suggests its value, saying which alias', () => {
    expect(checkAnswers(withAliases(), { region: 'Osterriech' }).problems).toEqual([
      { kind: 'bad-value', key: 'region', value: 'Osterriech', values: ['eu', 'us'], suggestion: 'eu', alias: 'Österreich' },
    ]);
    expect(readAnswer(spellings(withAliases()).get('region')!, 'nowhere')).toEqual({ suggestion: undefined });
  });
});

describe('validate checks aliases', () => {
  it('accepts the same alias for the same value on several questions of a key', () => {
    const tree = withAliases((t) => {
      t.questions['content-feed']!.choices[1]!.aliases = ['DMs'];
      t.questions['content-chat']!.choices[0]!.aliases = ['dms'];
    });
    expect(checkTree(tree)).toEqual([]);
  });

  it('refuses an alias that is another value, or an alias of another value, on any question of the key', () => {
    const tree = withAliases((t) => {
      t.questions.region!.choices[1]!.aliases = ['EU', 'Europe', '--'];
      t.questions['content-feed']!.choices[0]!.aliases = ['texts'];
      t.questions['content-chat']!.choices[0]!.aliases = ['Texts'];
    });
    expect(checkTree(tree)).toEqual([
      { path: ['questions', 'region', 'choices', 1, 'aliases', 0], message: 'alias "EU" of "us" is already the value "eu"' },
      { path: ['questions', 'region', 'choices', 1, 'aliases', 1], message: 'alias "Europe" of "us" is already an alias of "eu" ("Europe")' },
      { path: ['questions', 'region', 'choices', 1, 'aliases', 2], message: 'alias "--" has no letters or digits' },
      { path: ['questions', 'content-chat', 'choices', 0, 'aliases', 0], message: 'alias "Texts" of "messages" is already an alias of "posts" ("texts")' },
    ]);
  });
});

describe('the built-in tree', () => {
  // The 27 EU countries, Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2).
  const EEA = 'at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si es se is li no'.split(' ');

  it('answers eu for each of the 30 EU/EEA countries, by code, English name and own name', async () => {
    const tree = await loadTree(`${ROOT}trees/meta-ai-training.yaml`);
    const region = spellings(tree).get('region')!;
    expect(EEA).toHaveLength(30);
    for (const code of EEA) expect(readAnswer(region, code), code).toEqual({ value: 'eu' });
    for (const name of ['Germany', 'Deutschland', 'España', 'Ελλάδα', 'Magyarország', 'Suomi', 'Éire', 'Norge', 'Ísland']) {
      expect(readAnswer(region, name), name).toEqual({ value: 'eu' });
    }
    expect(readAnswer(region, 'switzerland')).toEqual({ value: 'ch' });
    expect(readAnswer(region, 'Türkiye')).toEqual({ value: 'europe-other' });
    expect(readAnswer(region, 'Brasil')).toEqual({ value: 'br' });
  });
});
