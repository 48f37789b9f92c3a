import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './src/test-support/summary-reporter.ts'],
    pool: 'forks',
    setupFiles: ['./src/test-support/testing-library-timeout.ts'],
    globalSetup: ['./src/test-support/prepare-test-databases.ts'],
  },
})
