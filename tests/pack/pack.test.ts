// What users get from the registry: pack the package, install the tarball into an empty prefix,
// and run the installed command to a verdict.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package', () => {
  let installed: string;
  let packed: { filename: string; size: number; files: { path: string }[] };

  beforeAll(() => {
    const work = mkdtempSync(join(tmpdir(), 'optout-check-pack-'));
    // --ignore-scripts: pack the dist/ that the other tests use, without rebuilding it under them.
    [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT));
    const prefix = join(work, 'prefix');
    npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--offline', join(work, packed.filename)], work);
    installed = join(prefix, 'bin', 'optout-check');
  });

  it('ships the bin, the bundle and the trees, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['bin/optout-check.cjs', 'dist/cli.cjs', 'dist/trees.json', 'trees/meta-ai-training.yaml', 'README.md']));
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('tests/'))).toEqual([]);
  });

  it('ships its MIT licence, and the licence of every package bundled into it with its text', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'dist/THIRD-PARTY-LICENSES.md']));
    const installedAt = join(installed, '..', '..', 'lib', 'node_modules', 'optout-check');
    expect(readFileSync(join(installedAt, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    const notices = readFileSync(join(installedAt, 'dist', 'THIRD-PARTY-LICENSES.md'), 'utf8');
    const sections = notices.split(/^## /m).slice(1);
    // What the bundles are built from, at least: the prompt, the command line, the schema, YAML, colours.
    const names = sections.map((section) => section.split(' ', 1)[0]);
    expect(names).toEqual(expect.arrayContaining(['@inquirer/core', '@inquirer/select', 'commander', 'valibot', 'yaml', 'chalk', 'wrap-ansi', 'signal-exit']));
    // Each with its licence and the licence's own words.
    for (const section of sections) {
      expect(section).toMatch(/^License: (MIT|ISC)$/m);
      expect(section).toMatch(/^> .*copyright/im);
      expect(section).toMatch(/^> permission /im);
      expect(section).toMatch(/hereby granted/);
    }
  });

  it('has no runtime dependencies: everything is bundled', () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('runs the installed command to a verdict, with no network and no node_modules', () => {
    const result = spawnSync(installed, ['--region', 'us', '--platform', 'facebook', '--content', 'posts', '--visibility', 'public', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: tmpdir(),
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).verdict.outcome).toBe('no-opt-out');
  });

  it('validates a tree file with the lazily loaded YAML parser', () => {
    const result = spawnSync(installed, ['validate', `${ROOT}tests/fixtures/small.yaml`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(0);
  });
});
