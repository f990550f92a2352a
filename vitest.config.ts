import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Type tests: `*.test-d.ts` files are checked by tsc (never run), as part of every `vitest run`.
    typecheck: {
      enabled: true,
      checker: 'tsc',
      include: ['tests/**/*.test-d.ts'],
      tsconfig: './tests/tsconfig.typecheck.json'
    }
  }
})
