// The committed generated files must match what the sources generate now. Fix with `npm run gen`.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTrees, MODELINE, PLAN_EXAMPLE } from '../src/build/compile-trees.js';
import { treeJsonSchema } from '../src/build/json-schema.js';
import { ROOT, run } from './helpers.js';

describe('generated files are not stale (run `npm run gen` to refresh them)', () => {
  it('trees/tree.schema.json matches the runtime schema', () => {
    expect(readFileSync(`${ROOT}trees/tree.schema.json`, 'utf8')).toBe(treeJsonSchema());
  });

  it('the editor schema is draft-07 and carries hover descriptions', () => {
    const schema = JSON.parse(treeJsonSchema());
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.reviewed.description).toBe('The date of the last full review of every fact in the tree.');
    expect(schema.properties.questions.additionalProperties.properties.ask.description).toMatch(/flag name/);
  });

  it('docs/matrix.md matches `optout-check matrix --format markdown`', () => {
    const { code, stdout } = run(['matrix', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(readFileSync(`${ROOT}docs/matrix.md`, 'utf8')).toBe(stdout);
  });

  it('docs/plan.md matches `optout-check plan … --format markdown` for the README example', () => {
    const flags = Object.entries(PLAN_EXAMPLE).flatMap(([key, value]) => [`--${key}`, value]);
    const { code, stdout } = run(['plan', ...flags, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(readFileSync(`${ROOT}docs/plan.md`, 'utf8')).toBe(stdout);
  });
});

describe('the build refuses trees it cannot ship', () => {
  it('a tree without the schema modeline, or whose id differs from its file name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'optout-check-build-'));
    cpSync(`${ROOT}trees`, `${root}/trees`, { recursive: true });
    const small = readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8');
    writeFileSync(`${root}/trees/other.yaml`, small.replace(/^.*\n/, `${MODELINE}\n`));
    writeFileSync(`${root}/trees/small.yaml`, small);
    expect(await compileTrees(root, false)).toEqual([
      'trees/other.yaml:1:1: id: id "small" must match the file name',
      `trees/small.yaml:1:1: the first line must be "${MODELINE}"`,
    ]);
  });
});
