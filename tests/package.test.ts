// The built package, imported by its name the ways users import it: plain Node ESM, Node CommonJS, and a bundler.
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { build } from 'esbuild'

const built = existsSync('dist/esm/index.js') && existsSync('dist/cjs/index.cjs')

const node = (args: Array<string>): string =>
  execFileSync(process.execPath, args, { encoding: 'utf8', timeout: 20_000 })

describe('the built package', () => {
  it('is built (npm test runs the build first)', () => {
    expect(built).toBe(true)
  })

  it('loads in plain Node ESM, every entry', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import * as c from 'contacthub-fp'; import * as n from 'contacthub-fp/node';
       const ctx = c.getNode({ workspaceId: 'w', token: 't' }, 'n');
       console.log(JSON.stringify([typeof c.getNode, typeof n.contextFromEnv, ctx.nodeId]))`
    ])
    expect(JSON.parse(out)).toEqual(['function', 'function', 'n'])
  })

  it('loads in Node CommonJS, every entry', () => {
    const out = node([
      '-e',
      `const c = require('contacthub-fp'); const n = require('contacthub-fp/node');
       console.log(JSON.stringify([typeof c.getNode, typeof n.workspaceFromIni, c.DEFAULT_BASE_URL]))`
    ])
    expect(JSON.parse(out)).toEqual(['function', 'function', 'https://api.contactlab.it/hub/v1'])
  })

  it('hands bundlers the shakeable fp-ts/io-ts modules, never fp-ts/lib', async () => {
    const result = await build({
      stdin: {
        contents: `export { getNode, pages, Timestamp } from 'contacthub-fp'`,
        resolveDir: process.cwd(),
        loader: 'ts'
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      // The repo's tsconfig maps the package name to src/: bundle the built package, as users do.
      tsconfigRaw: {},
      logLevel: 'silent'
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((f) => f.includes('fp-ts/es6/') || f.includes('io-ts/es6/'))).toBe(true)
    expect(inputs.filter((f) => /(fp|io)-ts\/lib\//.test(f))).toEqual([])
    expect(inputs.filter((f) => f.includes('dist/esm/'))).not.toEqual([])
  })
})
