// Build step for languages: review every catalogue, the tool's words (locales/<lang>.yaml) and
// the built-in trees' translations (trees/<id>.<lang>.yaml), and compile each language to its own
// file, dist/lang/<lang>.json, which a run loads only when it speaks that language. A built-in
// catalogue ships only when it is complete, up to date and passes every check: warnings too.
import { readdir, readFile } from 'node:fs/promises';
import type { Message } from '../core/catalogue.js';
import { showLabels } from '../core/labels.js';
import type { Tree } from '../core/schema.js';
import type { Located } from '../errors.js';
import { catalogueLanguage, parseCatalogue, treeSubject, wordsSubject } from '../load/catalogue-file.js';
import { localiseTree } from '../core/translatable.js';
import { translatedParts, type LanguageFile } from '../load/language.js';
import { ENGLISH, wordsIn, type WordKey } from '../words.js';

const at = (file: string, message: string): Located => ({ file, line: 1, col: 1, path: '', message });

/** `names`: the file names in trees/. Returns the languages, or the problems that stop the build. */
export async function compileCatalogues(root: string, names: string[], trees: Tree[]): Promise<{ languages: LanguageFile[]; problems: Located[] }> {
  const problems: Located[] = [];
  const languages = new Map<string, LanguageFile>();
  const locales = (await readdir(`${root}/locales`).catch(() => [] as string[])).filter((n) => n.endsWith('.yaml')).sort();
  for (const name of locales) {
    const file = `locales/${name}`;
    const lang = name.slice(0, -'.yaml'.length);
    const { value, problems: found } = parseCatalogue(await readFile(`${root}/${file}`, 'utf8'), file, wordsSubject());
    problems.push(...found);
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lang)) problems.push(at(file, `the file name must be a lower-case language tag, e.g. de.yaml or de-ch.yaml`));
    // English fills any gap, so that the review goes on; the build stops at the gap's problem.
    if (value) languages.set(lang, { lang, words: { ...ENGLISH, ...(Object.fromEntries(value.strings) as Record<WordKey, Message>) }, trees: {} });
  }
  for (const name of names.filter((n) => catalogueLanguage(n) !== undefined)) {
    const file = `trees/${name}`;
    const lang = catalogueLanguage(name)!;
    const tree = trees.find((t) => name === `${t.id}.${lang}.yaml`);
    const language = languages.get(lang);
    if (!tree) problems.push(at(file, `no tree translates to this: trees/${name.slice(0, -`.${lang}.yaml`.length)}.yaml does not exist`));
    if (!language && !locales.includes(`${lang}.yaml`)) problems.push(at(file, `optout-check does not speak ${lang}: add the tool's own words first, as locales/${lang}.yaml`));
    if (!tree || !language) continue;
    const { value, problems: found } = parseCatalogue(await readFile(`${root}/${file}`, 'utf8'), file, treeSubject(tree));
    problems.push(...found);
    if (!value) continue;
    const words = wordsIn(lang, language.words);
    const strings = new Map([...value.strings].map(([key, text]) => [key, showLabels(text as string, (label) => words.say('label', { label }))]));
    language.trees[tree.id] = translatedParts(localiseTree(tree, lang, strings));
  }
  return { languages: [...languages.values()], problems };
}
