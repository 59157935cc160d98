// The licences of the third-party code bundled into dist/, as create-vite lists them in its
// LICENSE: every package esbuild put into the bundles (from its metafile), with its licence
// identifier, author, repository and licence text. The build writes it to
// dist/THIRD-PARTY-LICENSES.md, which the tarball ships beside LICENSE.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

/**
 * The directories of the packages with code in the bundles (an input esbuild read but left out
 * entirely, by tree shaking, is not shipped): each path's last node_modules/<name> or @scope/name.
 */
function bundledPackages(metafile, root) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match && bytesInOutput > 0) dirs.add(join(root, match[1]));
    }
  }
  return [...dirs];
}

const personOf = (person) => (typeof person === 'string' ? person : person?.name);
const repositoryOf = (repository) => (typeof repository === 'string' ? repository : repository?.url)?.replace(/^git\+/, '').replace(/\.git$/, '');

function describe(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((name) => LICENSE_FILE.test(name));
  const text = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
  const by = [personOf(manifest.author), ...(manifest.maintainers ?? []).map(personOf)].find(Boolean);
  return { name: manifest.name, version: manifest.version, license: manifest.license ?? 'unknown', by, repository: repositoryOf(manifest.repository), text };
}

export function thirdPartyLicenses(metafile, root) {
  const packages = bundledPackages(metafile, root)
    .map(describe)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const licenses = [...new Set(packages.map((p) => p.license))].sort();
  const sections = packages.map((p) =>
    [
      `## ${p.name} ${p.version}`,
      '',
      `License: ${p.license}`,
      ...(p.by ? [`By: ${p.by}`] : []),
      ...(p.repository ? [`Repository: ${p.repository}`] : []),
      '',
      p.text ? p.text.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n') : '(The package ships no licence file; its package.json names the licence above.)',
    ].join('\n'),
  );
  return [
    '# Licenses of bundled dependencies',
    '',
    `optout-check is MIT-licensed (see LICENSE). Its published files (dist/) also contain code from these packages, bundled at build time, under the following licenses: ${licenses.join(', ')}.`,
    '',
    sections.join('\n\n---------------------------------------\n\n'),
    '',
  ].join('\n');
}
