// Choosing the language: --lang, then OPTOUT_CHECK_LANG, then the locale.
import { describe, expect, it } from 'vitest';
import { fallbacks, localeLanguage, requestedLanguage } from '../../src/core/language.js';

describe('requestedLanguage', () => {
  it.each([
    [undefined, {}, undefined],
    ['de', { OPTOUT_CHECK_LANG: 'fr', LANG: 'pl_PL.UTF-8' }, { tag: 'de', from: '--lang', explicit: true }],
    [undefined, { OPTOUT_CHECK_LANG: 'DE_at', LANG: 'pl_PL.UTF-8' }, { tag: 'de-at', from: 'OPTOUT_CHECK_LANG', explicit: true }],
    [undefined, { OPTOUT_CHECK_LANG: '', LANG: 'de_DE.UTF-8' }, { tag: 'de-de', from: 'LANG', explicit: false }],
    [undefined, { LANG: 'de_AT' }, { tag: 'de-at', from: 'LANG', explicit: false }],
    [undefined, { LC_MESSAGES: 'de_CH.UTF-8', LANG: 'en_GB.UTF-8' }, { tag: 'de-ch', from: 'LC_MESSAGES', explicit: false }],
    [undefined, { LC_ALL: 'C', LANG: 'de_DE.UTF-8' }, undefined],
    [undefined, { LC_ALL: 'POSIX', LANG: 'de_DE.UTF-8' }, undefined],
    [undefined, { LC_ALL: '', LANG: 'de_DE.UTF-8@euro' }, { tag: 'de-de', from: 'LANG', explicit: false }],
    [undefined, { LANG: 'C.UTF-8' }, undefined],
    [undefined, { LANG: 'en_US.UTF-8' }, undefined],
    ['en', { LANG: 'de_DE.UTF-8' }, undefined],
    [undefined, { LANG: 'not a locale' }, undefined],
    ['x y', {}, { tag: 'x y', from: '--lang', explicit: true }],
  ])('--lang %j with %j', (flag, env, expected) => {
    expect(requestedLanguage(flag, env)).toEqual(expected);
  });
});

describe('locales and tags', () => {
  it('reads the language of a locale name', () => {
    expect(['de_DE.UTF-8', 'de_AT', 'de', 'pt_BR.utf8', 'C', 'POSIX', 'C.UTF-8', ''].map(localeLanguage)).toEqual(['de-de', 'de-at', 'de', 'pt-br', undefined, undefined, undefined, undefined]);
  });

  it('tries the most specific catalogue first', () => {
    expect(fallbacks('de-at')).toEqual(['de-at', 'de']);
    expect(fallbacks('de')).toEqual(['de']);
  });
});
