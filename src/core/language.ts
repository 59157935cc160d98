// Which language a run speaks: --lang, else OPTOUT_CHECK_LANG, else the locale (LC_ALL, then
// LC_MESSAGES, then LANG, as POSIX orders them). English needs nothing loaded, so it is decided
// here without any file; another language is looked up by load/language.ts.

export interface LanguageRequest {
  /** The tag asked for, lower case with dashes: de, de-at. */
  tag: string;
  /** Where it came from, for messages: --lang, OPTOUT_CHECK_LANG, LC_ALL, LC_MESSAGES or LANG. */
  from: string;
  /** Asked for by name (--lang, OPTOUT_CHECK_LANG): a language the tool lacks is an error. A locale only says what is preferred. */
  explicit: boolean;
}

const TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;

/** A tag in one spelling: `de_AT` and `DE-at` are `de-at`. Undefined for anything that is not a tag. */
export function normaliseTag(value: string): string | undefined {
  const tag = value.trim().toLowerCase().replace(/_/g, '-');
  return TAG.test(tag) ? tag : undefined;
}

/** The language of a locale name: `de_DE.UTF-8` and `de_AT@euro` are de-de and de-at; C and POSIX are English. */
export function localeLanguage(locale: string): string | undefined {
  const name = locale.split(/[.@]/)[0]!;
  if (name === 'C' || name === 'POSIX' || name === '') return undefined;
  return normaliseTag(name);
}

/**
 * The language asked for, or undefined for English. A tag that is not one is refused when given
 * by name (the returned tag is then checked and refused by the loader) and ignored in a locale.
 */
export function requestedLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): LanguageRequest | undefined {
  const named = flag !== undefined ? { value: flag, from: '--lang' } : env.OPTOUT_CHECK_LANG ? { value: env.OPTOUT_CHECK_LANG, from: 'OPTOUT_CHECK_LANG' } : undefined;
  if (named) {
    const tag = normaliseTag(named.value) ?? named.value;
    return isEnglish(tag) ? undefined : { tag, from: named.from, explicit: true };
  }
  // The first of these that is set and not empty decides, even when it says C.
  const from = ['LC_ALL', 'LC_MESSAGES', 'LANG'].find((name) => env[name]);
  const tag = from === undefined ? undefined : localeLanguage(env[from]!);
  return tag === undefined || isEnglish(tag) ? undefined : { tag, from: from!, explicit: false };
}

const isEnglish = (tag: string) => tag === 'en' || tag.startsWith('en-');

/** The catalogues to try for a tag, most specific first: de-at, then de. */
export const fallbacks = (tag: string): string[] => tag.split('-').map((_, i, parts) => parts.slice(0, parts.length - i).join('-'));
