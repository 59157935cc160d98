import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocated } from '../../src/errors.js';
import { MAX_TREE_BYTES, parseTree, readTree } from '../../src/load/tree-file.js';
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

  it('reports every schema problem in one pass, and the graph problems of what the schema accepted', () => {
    expect(problemsOf('many-problems.yaml')).toEqual([
      'tests/fixtures/hostile/many-problems.yaml:7:58: sources.s1.kind: kind must be one of primary, regulator, court, press, guide, copy',
      'tests/fixtures/hostile/many-problems.yaml:8:7: sources.s2: source "s2" is never cited',
      'tests/fixtures/hostile/many-problems.yaml:12:13: questions.q1.colour: unknown key "colour"',
      'tests/fixtures/hostile/many-problems.yaml:16:5: questions.q3: question "q3" is unreachable from start',
      'tests/fixtures/hostile/many-problems.yaml:20:18: verdicts.v1.outcome: outcome must be one of opt-out, no-opt-out, not-used, limited',
    ]);
    expect(problemsOf('schema-and-graph.yaml')).toEqual([
      'tests/fixtures/hostile/schema-and-graph.yaml:13:13: questions.q1.colour: unknown key "colour"',
      'tests/fixtures/hostile/schema-and-graph.yaml:16:37: questions.q1.choices.1.next: next "nowhere" is not a question or verdict',
      'tests/fixtures/hostile/schema-and-graph.yaml:18:18: verdicts.v1.outcome: outcome must be one of opt-out, no-opt-out, not-used, limited',
      'tests/fixtures/hostile/schema-and-graph.yaml:18:96: verdicts.v1.steps.0.sources.1: unknown source "s9"',
    ]);
  });

  it('places each problem of a `when` at its key or value', () => {
    expect(problemsOf('bad-when.yaml')).toEqual([
      'tests/fixtures/hostile/bad-when.yaml:22:62: verdicts.v1.steps.1.when.q2: when: the tree asks no question "q2" (did you mean q1?)',
      'tests/fixtures/hostile/bad-when.yaml:23:75: verdicts.v1.steps.2.when.q1.1: when: "q1" has no value "c" (values: a, b)',
      'tests/fixtures/hostile/bad-when.yaml:24:65: verdicts.v1.steps.3.when.q1: when: no path to verdict "v1" answers q1 b, so this is never shown',
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
    expect(problems[0]?.message).toMatch(/^8,388,61\d bytes in a tree file; the limit is 8,388,608$/);
  });
});

describe('hostile and unlucky tree files', () => {
  const small = readFileSync(`${ROOT}tests/fixtures/small.yaml`, 'utf8');
  const problems = (source: string, file = 't.yaml') => parseTree(source, file).problems.map(formatLocated);
  const lineOf = (source: string, text: string) => source.slice(0, source.indexOf(text)).split('\n').length;

  it('refuses a second document, whatever it holds (aliases, tags, a directive, a syntax error)', () => {
    const second = '---\nid: *anchor\nbad: !!js/function x\n...\n%YAML 1.1\n---\n{ unclosed\n';
    expect(problems(`${small}${second}`)).toEqual([`t.yaml:${lineOf(small + second, '---')}:1: a tree file holds one YAML document, but another one starts here`]);
  });

  it('reports sources, questions and verdicts named __proto__, constructor or prototype at their own line', () => {
    const source = small.replace('  company:\n', '  constructor:\n').replace('  app:\n', '  __proto__:\n').replace('  not-used:\n', '  prototype:\n');
    const reserved = '__proto__, constructor, prototype are reserved';
    expect(problems(source)).toEqual([
      `t.yaml:${lineOf(source, '  constructor:')}:3: sources.constructor: "constructor" cannot be used as a key here: ${reserved}`,
      `t.yaml:${lineOf(source, '  __proto__:')}:3: questions.__proto__: "__proto__" cannot be used as a key here: ${reserved}`,
      `t.yaml:${lineOf(source, '  prototype:')}:3: verdicts.prototype: "prototype" cannot be used as a key here: ${reserved}`,
    ]);
  });

  it('reports a reserved key in a condition (when), which would otherwise drop the condition', () => {
    const source = small.replace('        url: https://example.org/form\n', '        url: https://example.org/form\n        when: { region: eu, constructor: public }\n');
    expect(problems(source)).toEqual([
      `t.yaml:${lineOf(source, 'when:')}:29: verdicts.object.steps.0.when.constructor: "constructor" cannot be used as a key here: __proto__, constructor, prototype are reserved`,
    ]);
  });

  it('finds reserved keys in JSON trees too, which otherwise take the fast path', () => {
    const tree = parseTree(small, 'small.yaml').tree!;
    const json = JSON.stringify({ ...tree, verdicts: { ...tree.verdicts, constructor: tree.verdicts['not-used'] } }, null, 1);
    expect(problems(json, 't.json')).toEqual([expect.stringMatching(/^t\.json:\d+:3: verdicts\.constructor: "constructor" cannot be used as a key here/)]);
  });

  it('refuses dates that do not exist', () => {
    const source = small.replace("reviewed: '2026-01-01'", "reviewed: '2026-99-99'").replace("published: '2025-05-01'", "published: '2025-02-29'");
    expect(problems(source)).toEqual([
      `t.yaml:${lineOf(source, 'reviewed')}:11: reviewed: reviewed must be a real date; 2026-99-99 is not one`,
      `t.yaml:${lineOf(source, "published: '2025-02-29'")}:16: sources.law.published: published must be a real date; 2025-02-29 is not one`,
    ]);
    expect(problems(small.replace("reviewed: '2026-01-01'", "reviewed: '2024-02-29'"))).toEqual([]);
  });

  it('a list, a number or nothing at the top says the tree must be a mapping', () => {
    const mapping = 't.yaml:1:1: a tree must be a YAML mapping of id, title, question, reviewed, start, sources, questions and verdicts';
    for (const source of ['- id: x\n- title: y\n', '42\n', '', '[]']) expect(problems(source)).toEqual([mapping]);
  });

  it('words schema messages by the path, without repeating the editor description', () => {
    const source = small.replace('next: no-opt-out', 'next: No_Opt_Out').replace('title: The law', 'title: " "');
    expect(problems(source)).toEqual([
      expect.stringMatching(/: sources\.law\.title: must not be empty$/),
      expect.stringMatching(/: questions\.region\.choices\.1\.next: must be lowercase letters, digits and dashes, e\.g\. my-id$/),
      // The graph checks still run on what the schema accepted: the bad id leads nowhere.
      expect.stringMatching(/: questions\.region\.choices\.1\.next: next "No_Opt_Out" is not a question or verdict$/),
      expect.stringMatching(/: verdicts\.no-opt-out: verdict "no-opt-out" is unreachable from start$/),
    ]);
  });

  it.each([
    ['flow collections', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['block mappings', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')],
    ['JSON', `{"a": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
  ])('deep nesting (%s) is "nested too deeply", and the next file still loads', (_, source) => {
    expect(problems(source)).toEqual([expect.stringMatching(/^t\.yaml:\d+:\d+: nested too deeply: more than 64 levels/)]);
    // A stack overflow in the parser once left the regular expression engine broken for the process.
    expect(problems(source)).toHaveLength(1);
    expect(parseTree(small, 'small.yaml').tree?.id).toBe('small');
  });

  it('nesting a little deeper than any tree needs is still parsed and checked', () => {
    expect(problems(`a: ${'['.repeat(60)}${']'.repeat(60)}\n`)).toContain('t.yaml:1:1: id: missing key "id"');
  });

  it('finds duplicate keys in flow mappings and in large mappings, without the parser quadratic check', () => {
    expect(problems('{ id: a, title: b, id: c }')).toEqual(['t.yaml:1:20: duplicate key "id" (first at line 1)']);
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}\n`).join('') + 'k7: again\n';
    expect(problems(`sources:\n${many.replace(/^/gm, '  ')}`)).toContain('t.yaml:20002:3: duplicate key "k7" (first at line 9)');
  });
});

describe('files that cannot be read', () => {
  it('a loop of symbolic links is said so, not "no such file"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-'));
    symlinkSync(`${dir}/b.yaml`, `${dir}/a.yaml`);
    symlinkSync(`${dir}/a.yaml`, `${dir}/b.yaml`);
    await expect(readTree(`${dir}/a.yaml`)).rejects.toMatchObject({ exitCode: 2, message: `error: cannot read tree file "${dir}/a.yaml": a loop of symbolic links` });
  });
});
