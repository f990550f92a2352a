import { defineConfig } from 'vitest/config'

// Browser tests need Debian's Chromium (/usr/bin/chromium): `npm run test:browser`, kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
