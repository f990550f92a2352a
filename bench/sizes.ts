// Bundle sizes of the scenarios from tests/size/scenarios.ts (browser, minified, gzip -9), by esbuild and rollup,
// plus two references built the same way: the floor (fetch + JSON.parse) and axios.
import { bundleWithEsbuild, bundleWithRollup, scenarios, type Bundler, type Scenario } from '../tests/size/scenarios'

export interface SizeRow {
  readonly name: string
  readonly esbuild?: number
  readonly rollup?: number
  readonly error?: string
}

const REFERENCES: ReadonlyArray<Scenario> = [
  {
    name: 'reference: fetch + JSON.parse (the floor)',
    source: `export const get = (url, token) => fetch(url, { headers: { accept: 'application/json', authorization: 'Bearer ' + token } }).then((r) => r.text()).then((t) => JSON.parse(t))`
  },
  { name: 'reference: axios', source: `import axios from 'axios'\nexport const get = (url) => axios.get(url)` }
]

export const runSizes = async (root: string): Promise<ReadonlyArray<SizeRow>> => {
  const rows: Array<SizeRow> = []
  for (const s of [...scenarios, ...REFERENCES]) {
    const sizes: Partial<Record<Bundler, number>> = {}
    let error: string | undefined
    for (const [bundler, bundle] of [
      ['esbuild', bundleWithEsbuild],
      ['rollup', bundleWithRollup]
    ] as const) {
      try {
        sizes[bundler] = (await bundle(s, root)).gzipBytes
      } catch (e) {
        const firstLine = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''
        error = firstLine
          .split(root.endsWith('/') ? root : `${root}/`)
          .join('')
          .replace(/^\[plugin [^\]]+\] /, '')
          .slice(0, 100)
      }
    }
    rows.push({ name: s.name, ...sizes, ...(error === undefined ? {} : { error }) })
  }
  return rows
}
