import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // As in the build (scripts/build.mjs), for the sources the tests import directly.
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI, pty and pack tests spawn real processes; a shared 2-core machine needs headroom.
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
