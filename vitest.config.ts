import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start a whole bot on the mock puppet; a loaded 2-core CI machine
    // needs generous limits. Nothing here measures speed: that is `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2
  }
})
