// The shape of src/ (README, "How it is built"): one pure core, and no module that imports itself
// through others. A cycle ties two files' reasons to change together.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Each file's imports: relative ones resolved to files, others as written (`node:fs`, `yaml`). */
const imports = new Map(
  sources(SRC).map((file) => {
    const specs = [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    return [file, specs.map((spec) => (spec.startsWith('.') ? resolve(dirname(file), spec.replace(/\.js$/, '.ts')) : spec))];
  }),
);
const name = (file: string) => relative(SRC, file);

/** Every import cycle, as the files on it (depth-first search for edges back to an open file). */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of imports.get(file) ?? []) {
      if (!imports.has(next)) continue;
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map(name));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of imports.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the shape of src/', () => {
  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps core/ pure: no Node built-ins, no packages but the schema library, nothing from outside core/', () => {
    const impure = [...imports]
      .filter(([file]) => name(file).startsWith('core/'))
      .flatMap(([file, specs]) => specs.filter((spec) => (spec.startsWith('/') ? !name(spec).startsWith('core/') : spec !== 'valibot')).map((spec) => `${name(file)} → ${spec.startsWith('/') ? name(spec) : spec}`));
    expect(impure).toEqual([]);
  });

  it('finds a planted cycle (the check can fail)', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    imports.set(a, [b]);
    imports.set(b, [a]);
    try {
      expect(cycles()).toContainEqual(['a.ts', 'b.ts']);
    } finally {
      imports.delete(a);
      imports.delete(b);
    }
  });
});
