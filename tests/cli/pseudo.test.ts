// Every word the main command and plan say goes through the catalogue: in the pseudo-language qps
// (accented English, tests/pseudo.ts), no output of the built binary holds a plain English word,
// but for what stays as it is in every language (flags, values, outcomes, command lines, the
// sources' own titles and passages). Help and commander's own errors stay English (README, Languages).
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ENGLISH_LOCALE, ROOT, run } from '../helpers.js';
import { builtinTree, plainEnglish, pseudoBuild } from '../pseudo.js';

const EU = ['--region', 'eu', '--platform', 'instagram', '--content', 'photos', '--visibility', 'public', '--age', 'adult'];
const PLAN = ['plan', '--region', 'eu', '--platform', 'facebook,instagram,whatsapp', '--content', 'all', '--visibility', 'public', '--age', 'adult'];

/** Each output, the exit code it comes with, and what the person typed that it may repeat. */
const OUTPUTS: { args: string[]; code: number; typed?: string[] }[] = [
  // Verdicts: headings, caveats, disputes, the sources line; --explain; a note about an unused answer.
  { args: EU, code: 0 },
  { args: [...EU, '--explain'], code: 0 },
  { args: ['--region', 'us', '--platform', 'facebook', '--content', 'posts', '--visibility', 'public', '--age', 'adult'], code: 0 },
  // Plans: text, --explain, Markdown (with `all`), and a note about an unused answer.
  { args: PLAN, code: 0 },
  { args: [...PLAN, '--explain'], code: 0 },
  { args: ['plan', '--region', 'eu', '--platform', 'all', '--content', 'all', '--visibility', 'public', '--age', 'adult', '--format', 'markdown'], code: 0 },
  { args: ['plan', '--region', 'us', '--platform', 'facebook', '--content', 'posts', '--visibility', 'public', '--age', 'adult'], code: 0 },
  // Errors: missing answers (one, and several for a plan), invalid values, not applicable, no combination, disagreeing answers, plan's own.
  { args: ['--region', 'eu', '--no-input'], code: 2 },
  { args: ['plan', '--region', 'eu', '--no-input'], code: 2 },
  { args: ['--region', 'eux'], code: 2, typed: ['eux'] },
  { args: ['--answer', 'regio=eu'], code: 2, typed: ['regio'] },
  { args: ['--region', 'eu', '--platform', 'facebook,instagram', '--content', 'posts'], code: 2 },
  { args: ['--region', 'us', '--platform', 'glasses', '--content', 'posts', '--visibility', 'public'], code: 2 },
  { args: ['plan', '--region', 'eu', '--platform', 'whatsapp', '--content', 'photos'], code: 2 },
  { args: ['--region', 'eu', '--region', 'us'], code: 2 },
  { args: ['--answer', 'region=us', '--region', 'eu'], code: 2 },
  { args: ['plan', '--region', 'eu,us'], code: 2 },
  { args: ['plan', '--region', 'eu', '--platform', 'facebook,,instagram'], code: 2 },
];

describe('in the pseudo-language', () => {
  let bin = '';
  beforeAll(async () => {
    bin = await pseudoBuild();
  }, 60_000);
  const runPseudo = (args: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...args, '--lang', 'qps'], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...ENGLISH_LOCALE, NO_COLOR: '1' } });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it.each(OUTPUTS.map((output) => [output.args.join(' '), output] as const))('%s: no plain English', (_, { args, code, typed = [] }) => {
    const result = runPseudo(args);
    expect(result.code).toBe(code);
    expect(result.output).not.toBe('');
    expect(plainEnglish(result.output, builtinTree(), typed)).toEqual([]);
  });

  it('and the warning about a tree not reviewed for 180 days, and the note that a tree is not translated', () => {
    const tree = fixture('objection.yaml');
    const result = spawnSync(process.execPath, [bin, '--tree', 'tests/fixtures/objection.yaml', '--region', 'us', '--lang', 'qps'], { encoding: 'utf8', cwd: ROOT });
    expect(result.stderr).toMatch(/^ñóté: .*\nwárñíñg: "Objection test tree" wás lást révíéwéd óñ 2026-01-01/);
    expect(plainEnglish(result.stderr, tree, [tree.title])).toEqual([]);
  });

  it('the check finds the English it is there to find: every output above, in English, has some', () => {
    for (const { args, typed } of OUTPUTS) {
      const { stdout, stderr } = run(args);
      expect(plainEnglish(`${stdout}${stderr}`, builtinTree(), typed), args.join(' ')).not.toEqual([]);
    }
  });
});
