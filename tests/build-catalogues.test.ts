// The build compiles each language to its own file, and refuses a built-in catalogue that is
// incomplete, stale or fails a check: a built-in tree ships only fully translated or not at all.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTrees, MODELINE } from '../src/build/compile-trees.js';
import { catalogueLanguage } from '../src/load/catalogue-file.js';
import { hashText } from '../src/load/text-hash.js';
import { ROOT } from './helpers.js';

const CATALOGUE = readFileSync(`${ROOT}tests/fixtures/objection.de.yaml`, 'utf8');

/**
 * A project with the built-in trees (without their own catalogues: these tests are about the
 * fixture's), the fixture tree as a built-in one, and the given catalogues.
 */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'optout-check-build-'));
  cpSync(`${ROOT}trees`, `${root}/trees`, { recursive: true, filter: (path) => catalogueLanguage(path) === undefined });
  mkdirSync(`${root}/locales`);
  writeFileSync(`${root}/trees/objection.yaml`, readFileSync(`${ROOT}tests/fixtures/objection.yaml`, 'utf8').replace(/^.*\n/, `${MODELINE}\n`));
  for (const [name, text] of Object.entries(files)) writeFileSync(`${root}/${name}`, text);
  return root;
}

describe('the build and catalogues', () => {
  it('compiles a language to dist/lang/<lang>.json, labels shown, and leaves dist/trees.json English', async () => {
    const root = project({ 'locales/de.yaml': readFileSync(`${ROOT}locales/de.yaml`, 'utf8'), 'trees/objection.de.yaml': CATALOGUE });
    expect(await compileTrees(root, false)).toEqual([]);
    const german = JSON.parse(readFileSync(`${root}/dist/lang/de.json`, 'utf8'));
    expect(german.lang).toBe('de');
    expect(german.words.label).toBe('„{label}“');
    expect(Object.keys(german.trees)).toEqual(['objection']);
    expect(german.trees.objection.verdicts.object.steps[1]).toEqual({
      text: 'Beantworte „Bezieht sich deine Anfrage auf KI bei Meta?“ mit „Ja“ und tippe dann auf „Senden“.',
      url: 'https://example.org/form',
      sources: ['guide-de'],
    });
    expect(german.trees.objection.questions.app.choices[0]).toEqual({ value: 'facebook', label: 'Facebook', next: 'object' });
    expect(german.trees.objection.sources).toBeUndefined();
    expect(readFileSync(`${root}/dist/trees.json`, 'utf8')).not.toContain('Testbaum');
  });

  it.each([
    ['a text not translated', (c: string) => c.replace('text: Wo wohnst du?', "text: ''"), /^trees\/objection\.de\.yaml:\d+:5: warning: strings\.questions\.region\.prompt: not translated yet/],
    ['a stale translation', (c: string) => c.replace(`hash: ${hashText('Which app?')}`, `hash: ${hashText('Which app now?')}`), /^trees\/objection\.de\.yaml:\d+:5: warning: strings\.questions\.app\.prompt: stale: /],
    ['a failed check', (c: string) => c.replace('[[Senden]]', '[[Absenden]]'), /^trees\/objection\.de\.yaml:\d+:5: strings\.verdicts\.object\.steps\.1\.text: labels: the interface label \[\[Absenden\]\]/],
  ])('refuses a built-in catalogue with %s', async (_, edit, problem) => {
    const root = project({ 'locales/de.yaml': readFileSync(`${ROOT}locales/de.yaml`, 'utf8'), 'trees/objection.de.yaml': edit(CATALOGUE) });
    expect(await compileTrees(root, false)).toEqual([expect.stringMatching(problem)]);
    expect(existsSync(`${root}/dist/lang`)).toBe(false);
  });

  it("refuses the tool's words with a gap, a tree catalogue in a language the tool does not speak, or for no tree", async () => {
    const words = readFileSync(`${ROOT}locales/de.yaml`, 'utf8').replace('text: „{label}“', "text: ''");
    expect(await compileTrees(project({ 'locales/de.yaml': words }), false)).toEqual([expect.stringMatching(/^locales\/de\.yaml:\d+:5: warning: strings\.label: not translated yet/)]);
    expect(await compileTrees(project({ 'trees/objection.fr.yaml': CATALOGUE.replace('lang: de', 'lang: fr') }), false)).toEqual([
      "trees/objection.fr.yaml:1:1: optout-check does not speak fr: add the tool's own words first, as locales/fr.yaml",
    ]);
    expect(await compileTrees(project({ 'locales/de.yaml': readFileSync(`${ROOT}locales/de.yaml`, 'utf8'), 'trees/other.de.yaml': CATALOGUE }), false)).toEqual([
      'trees/other.de.yaml:1:1: no tree translates to this: trees/other.yaml does not exist',
    ]);
  });
});
