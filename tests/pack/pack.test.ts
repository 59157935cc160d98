// What users get from the registry: pack the package, install the tarball into an empty prefix,
// and run the installed command to a verdict.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package', () => {
  let installed: string;
  let work: string;
  let packed: { filename: string; size: number; files: { path: string }[] };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'optout-check-pack-'));
    // --ignore-scripts: pack the dist/ that the other tests use, without rebuilding it under them.
    [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT));
    const prefix = join(work, 'prefix');
    npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--offline', join(work, packed.filename)], work);
    installed = join(prefix, 'bin', 'optout-check');
  });

  it('ships the bin, the bundle and the trees, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['bin/optout-check.cjs', 'dist/cli.cjs', 'dist/trees.json', 'dist/lang/de.json', 'trees/meta-ai-training.yaml', 'README.md']));
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('tests/'))).toEqual([]);
  });

  it('ships its MIT licence, and the licence of every package bundled into it with its text', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'dist/THIRD-PARTY-LICENSES.md']));
    const installedAt = join(installed, '..', '..', 'lib', 'node_modules', 'optout-check');
    expect(readFileSync(join(installedAt, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    const notices = readFileSync(join(installedAt, 'dist', 'THIRD-PARTY-LICENSES.md'), 'utf8');
    const sections = notices.split(/^## /m).slice(1);
    // What the bundles are built from, at least: the prompt, the command line, the schema, YAML, colours, the HTML parser.
    const names = sections.map((section) => section.split(' ', 1)[0]);
    expect(names).toEqual(expect.arrayContaining(['@inquirer/core', 'commander', 'valibot', 'yaml', 'chalk', 'wrap-ansi', 'signal-exit', 'htmlparser2']));
    // Each with its licence and the licence's own words: the permissive ones' grant, or Apache's terms in full.
    for (const section of sections) {
      const licence = /^License: (MIT|ISC|BSD-2-Clause|Apache-2\.0)$/m.exec(section)?.[1];
      expect(licence, section.slice(0, 60)).toBeDefined();
      expect(section).toMatch(/copyright/i);
      if (licence === 'Apache-2.0') expect(section).toMatch(/TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION/);
      else expect(section).toMatch(/^> (permission |redistribution and use)/im);
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

  it('installs quietly from the tarball into a project: no warning, such as about a build script it does not need', () => {
    const project = mkdtempSync(join(tmpdir(), 'optout-check-project-'));
    writeFileSync(join(project, 'package.json'), '{ "name": "someone-elses-project", "version": "1.0.0" }\n');
    const result = spawnSync('npm', ['install', '--offline', join(work, packed.filename)], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status, result.stderr).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/warn/i);
    expect(JSON.parse(readFileSync(join(project, 'node_modules/optout-check/package.json'), 'utf8')).scripts ?? {}).not.toHaveProperty('prepare');
  });

  it('validates a tree file with the lazily loaded YAML parser', () => {
    const result = spawnSync(installed, ['validate', `${ROOT}tests/fixtures/small.yaml`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(0);
  });

  it('builds the site, with its style sheet, icon and the plan page\'s script, which ship in dist/site/', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'optout-check-pack-site-')), 'site');
    const result = spawnSync(installed, ['site', '--out', out, '--tree', `${ROOT}tests/fixtures/small.yaml`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(0);
    for (const asset of ['site.css', 'favicon.svg', 'plan.js']) expect(readFileSync(join(out, asset), 'utf8')).toBe(readFileSync(`${ROOT}dist/site/${asset}`, 'utf8'));
  });
});
