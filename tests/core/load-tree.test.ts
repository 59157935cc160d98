import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocated } from '../../src/errors.js';
import { MAX_TREE_BYTES, parseTree, readTree } from '../../src/io/load-tree.js';
import { ROOT } from '../helpers.js';

const problemsOf = (name: string) => {
  const file = `tests/fixtures/hostile/${name}`;
  return parseTree(readFileSync(`${ROOT}${file}`, 'utf8'), file).problems.map(formatLocated);
};

describe('loading hostile trees', () => {
  it.each([
    ['syntax-error.yaml', 'tests/fixtures/hostile/syntax-error.yaml:13:1: Flow map in block collection must be sufficiently indented and end with a }'],
    ['duplicate-keys.yaml', 'tests/fixtures/hostile/duplicate-keys.yaml:11:5: duplicate key "prompt" (first at line 10)'],
    ['alias-bomb.yaml', 'tests/fixtures/hostile/alias-bomb.yaml:9:9: aliases (*name) are not allowed in trees (54 aliases; this is the first)'],
    ['unknown-tag.yaml', 'tests/fixtures/hostile/unknown-tag.yaml:10:13: Unresolved tag: tag:yaml.org,2002:js/function'],
    ['yaml-1-1.yaml', 'tests/fixtures/hostile/yaml-1-1.yaml:1:1: only YAML 1.2 is accepted, not %YAML 1.1'],
    ['dangling-next.yaml', 'tests/fixtures/hostile/dangling-next.yaml:13:37: questions.q1.choices.1.next: next "nowhere" is not a question or verdict'],
    ['cycle.yaml', 'tests/fixtures/hostile/cycle.yaml:16:37: questions.q2.choices.0.next: cycle: q1 → q2 → q1'],
    ['missing-source.yaml', 'tests/fixtures/hostile/missing-source.yaml:14:98: verdicts.v1.steps.0.sources.1: unknown source "s2"'],
    ['uncited-step.yaml', 'tests/fixtures/hostile/uncited-step.yaml:14:93: verdicts.v1.steps.0.sources: a step must cite at least one source'],
  ])('%s is refused with its position', (name, expected) => {
    expect(problemsOf(name)).toEqual([expected]);
  });

  it('reports every schema problem in one pass', () => {
    expect(problemsOf('many-problems.yaml')).toEqual([
      'tests/fixtures/hostile/many-problems.yaml:7:58: sources.s1.kind: kind must be one of primary, regulator, court, press, guide, copy',
      'tests/fixtures/hostile/many-problems.yaml:12:13: questions.q1.colour: unknown key "colour"',
      'tests/fixtures/hostile/many-problems.yaml:20:18: verdicts.v1.outcome: outcome must be one of opt-out, no-opt-out, not-used, limited',
    ]);
  });

  it('names a missing required key at its parent', () => {
    const source = readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8').replace("question: Can I opt out?\n", '');
    expect(parseTree(source, 't.yaml').problems.map(formatLocated)).toEqual(['t.yaml:4:1: question: missing key "question"']);
  });

  it('a valid JSON tree (JSON is YAML) loads to the same tree as its YAML form', () => {
    const yaml = readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8');
    const fromYaml = parseTree(yaml, 'small.yaml');
    const json = JSON.stringify(fromYaml.tree, null, 2);
    expect(parseTree(json, 'small.json')).toEqual(fromYaml);
  });

  it('a JSON tree with a problem gets the same positioned problems as any YAML', () => {
    const json = JSON.stringify(parseTree(readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8'), 'small.yaml').tree, null, 1);
    const duplicate = json.replace('"id": "small",', '"id": "small",\n"id": "again",');
    expect(parseTree(duplicate, 't.json').problems.map(formatLocated)).toEqual(['t.json:3:1: duplicate key "id" (first at line 2)']);
    const dangling = json.replace('"next": "no-opt-out"', '"next": "nowhere"');
    expect(parseTree(dangling, 't.json').problems.map(formatLocated)).toEqual([
      expect.stringMatching(/^t\.json:\d+:\d+: questions\.region\.choices\.1\.next: next "nowhere" is not a question or verdict$/),
      expect.stringMatching(/^t\.json:\d+:\d+: verdicts\.no-opt-out: verdict "no-opt-out" is unreachable from start$/),
    ]);
  });

  it('refuses a file over the size cap before parsing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-'));
    writeFileSync(`${dir}/big.yaml`, `# ${'x'.repeat(MAX_TREE_BYTES)}\n`);
    const { problems } = await readTree(`${dir}/big.yaml`);
    expect(problems[0]?.message).toMatch(/^file is \d+ bytes; the limit is 8388608$/);
  });
});
