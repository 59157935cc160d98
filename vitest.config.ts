import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI, pty and pack tests spawn real processes; a shared 2-core machine needs headroom.
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
