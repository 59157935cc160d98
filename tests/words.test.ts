// The tool's own words: placeholders filled, and the plural form the language's rules pick.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENGLISH, ENGLISH_WORDS, wordsIn } from '../src/words.js';
import { ROOT } from './helpers.js';

describe('words.say', () => {
  it('fills placeholders, and leaves unknown ones visible', () => {
    expect(ENGLISH_WORDS.say('label', { label: 'Settings' })).toBe('"Settings"');
    expect(ENGLISH_WORDS.say('label')).toBe('"{label}"');
  });

  it("picks the plural form by the language's rules", () => {
    const english = (count: number) => ENGLISH_WORDS.say('language.texts-in-english', { count, file: 'x.de.yaml' });
    expect(english(1)).toMatch(/^note: 1 text of this tree is shown in English: its translation/);
    expect(english(3)).toMatch(/^note: 3 texts of this tree are shown in English: their translation/);
    const polish = wordsIn('pl', {
      ...ENGLISH,
      label: '„{label}”',
      'language.tree-in-english': '-',
      'language.texts-in-english': { one: '{count} tekst', few: '{count} teksty', many: '{count} tekstów', other: '{count} tekstu' },
    });
    expect([1, 2, 5, 22, 1.5].map((count) => polish.say('language.texts-in-english', { count }))).toEqual(['1 tekst', '2 teksty', '5 tekstów', '22 teksty', '1.5 tekstu']);
  });
});


describe("the pager's prompt", () => {
  it('is ASCII in every language: less shows other characters in its prompt as bytes (^@¼ for „ü“)', () => {
    const catalogues = readdirSync(`${ROOT}locales`).filter((file) => file.endsWith('.yaml'));
    expect(catalogues.length).toBeGreaterThan(0);
    const prompts = [ENGLISH['pager.end'], ENGLISH['pager.more']];
    for (const file of catalogues) {
      const { strings } = parse(readFileSync(`${ROOT}locales/${file}`, 'utf8')) as { strings: Record<string, { text: string }> };
      prompts.push(strings['pager.end']!.text, strings['pager.more']!.text);
    }
    for (const prompt of prompts) expect(prompt).toMatch(/^[\x20-\x7e]+$/);
  });
});
