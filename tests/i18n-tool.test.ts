// `npm run i18n`, the translators' tool: a skeleton to fill in, kept in step with the English.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../src/build/i18n.js';
import { parseCatalogue, treeSubject } from '../src/load/catalogue-file.js';
import { hashText } from '../src/load/text-hash.js';
import { ENGLISH } from '../src/words.js';
import { fixture, ROOT } from './helpers.js';

/** A scratch project holding the fixture tree (and its German catalogue, with `catalogue`). */
function project(catalogue: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'optout-check-i18n-'));
  mkdirSync(`${root}/trees`);
  cpSync(`${ROOT}tests/fixtures/objection.yaml`, `${root}/trees/objection.yaml`);
  if (catalogue) cpSync(`${ROOT}tests/fixtures/objection.de.yaml`, `${root}/trees/objection.de.yaml`);
  return root;
}
async function tool(root: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await i18n(root, args, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

describe('npm run i18n', () => {
  it('update writes a skeleton: every text keyed, with its English above it and its hash; plural words get the forms of the language', async () => {
    const root = project(false);
    expect(await tool(root, 'update', 'de', '--tree', 'objection')).toEqual({ code: 0, out: 'trees/objection.de.yaml: 0 translated, 20 to translate, 0 stale, 0 unused' });
    const skeleton = readFileSync(`${root}/trees/objection.de.yaml`, 'utf8');
    expect(skeleton).toContain(`  # English: Where do you live?\n  questions.region.prompt:\n    hash: ${hashText('Where do you live?')}\n    text: ""\n`);
    // Words with the same English share one translation (keyed by place, found by hash), counted once.
    const words = new Set(Object.values(ENGLISH).map((english) => JSON.stringify(english))).size;
    expect(await tool(root, 'update', 'pl', '--words')).toEqual({ code: 0, out: `locales/pl.yaml: 0 translated, ${words} to translate, 0 stale, 0 unused` });
    expect(readFileSync(`${root}/locales/pl.yaml`, 'utf8')).toMatch(/ language\.texts-in-english:\n {4}hash: [0-9a-f]{12}\n {4}text:\n {6}few: ""\n {6}many: ""\n {6}one: ""\n {6}other: ""\n/);
  });

  it('status lists what is left, with the English; exit 1 until it is done', async () => {
    const root = project(false);
    const before = await tool(root, 'status', 'de', '--tree', 'objection');
    expect(before).toEqual({ code: 1, out: 'trees/objection.de.yaml: no catalogue yet for trees/objection.yaml: 20 texts to translate (npm run i18n -- update de writes it)' });
    await tool(root, 'update', 'de', '--tree', 'objection');
    const after = await tool(root, 'status', 'de', '--tree', 'objection');
    expect(after.code).toBe(1);
    expect(after.out).toContain(`  trees/objection.de.yaml:16:5: warning: strings.questions.region.prompt: not translated yet (English hash ${hashText('Where do you live?')}); shown in English\n      English: Where do you live?`);
    const done = await tool(project(true), 'status', 'de', '--tree', 'objection');
    expect(done).toEqual({ code: 0, out: 'trees/objection.de.yaml: trees/objection.yaml: 20 of 20 texts translated and checked, 0 problems' });
  });

  it('after a step is inserted and another changed, update moves the translations to their keys and marks the changed one stale', async () => {
    const root = project(true);
    const tree = readFileSync(`${root}/trees/objection.yaml`, 'utf8')
      .replace('    steps:\n      - text: Open', '    steps:\n      - text: Log in to Facebook.\n        sources: [guide-de]\n      - text: Open')
      .replace('text: Make your posts private.', 'text: Make your posts visible to friends only.');
    writeFileSync(`${root}/trees/objection.yaml`, tree);
    expect((await tool(root, 'update', 'de', '--tree', 'objection')).out).toBe('trees/objection.de.yaml: 18 translated, 1 to translate, 1 stale, 0 unused');
    const updated = readFileSync(`${root}/trees/objection.de.yaml`, 'utf8');
    expect(updated).toContain('  verdicts.object.steps.2.text:\n    hash: 48d7eb50fb33\n    text: Beantworte [[Bezieht sich deine Anfrage auf KI bei Meta?]]');
    expect(updated).toContain(`  # English now: Make your posts visible to friends only.\n  # STALE: this translates an older English. Translate it again, then set hash to ${hashText('Make your posts visible to friends only.')}.\n  verdicts.no-opt-out.steps.0.text:\n    hash: ${hashText('Make your posts private.')}\n    text: Stelle deine Beiträge auf privat.`);
    const { value } = parseCatalogue(updated, 'trees/objection.de.yaml', treeSubject(fixture('objection.yaml')));
    expect(value).toBeDefined();
  });

  it('pseudo fills what a compiled language lacks with accented English, placeholders, links and markers intact', async () => {
    const root = mkdtempSync(join(tmpdir(), 'optout-check-pseudo-'));
    mkdirSync(`${root}/dist`);
    writeFileSync(`${root}/dist/trees.json`, JSON.stringify([fixture('objection.yaml')]));
    expect(await tool(root, 'pseudo', 'qps', '--dist', `${root}/dist`)).toEqual({ code: 0, out: `${root}/dist/lang/qps.json: pseudo-translated what it lacked` });
    const pseudo = JSON.parse(readFileSync(`${root}/dist/lang/qps.json`, 'utf8'));
    expect(pseudo.words['language.texts-in-english'].one).toMatch(/^ñóté: {count} téxt óf thís tréé ís shówñ íñ Éñglísh.* {file}/);
    expect(pseudo.trees.objection.questions.region.prompt).toBe('Whéré dó ýóú lívé?');
  });

  it('refuses a command line it does not know', async () => {
    expect(await tool(ROOT, 'update')).toEqual({ code: 2, out: expect.stringMatching(/^usage: npm run i18n/) });
    expect(await tool(ROOT, 'status', 'en')).toEqual({ code: 2, out: expect.stringMatching(/^usage: /) });
    expect(await tool(ROOT, 'status', 'de', '--tree')).toEqual({ code: 2, out: expect.stringMatching(/^usage: /) });
  });
});
