// Builds dist/ unless it was built from exactly the current inputs: `prepare` (so that installing from git builds
// dist/, and `npm ci` in CI builds it once) and `npm test` share it, so CI does not build twice. The inputs are
// hashed (src/**, the build and TypeScript configs, package.json); the hash is kept in dist/.build-inputs.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const STAMP = 'dist/.build-inputs'

const files = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name)
      return statSync(p).isDirectory() ? files(p) : [p]
    })

const hash = createHash('sha256')
for (const f of [...files('src'), 'rollup.config.mjs', 'tsconfig.json', 'package.json']) {
  hash.update(`${f}\0`)
  hash.update(readFileSync(f))
}
const inputs = hash.digest('hex')

const fresh =
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8').trim() === inputs &&
  ['dist/esm/index.js', 'dist/cjs/index.cjs', 'dist/types/index.d.ts'].every((f) => existsSync(f))

if (fresh) {
  console.log('build: dist/ was built from the current sources; not building again (npm run build forces it)')
} else {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' })
  writeFileSync(STAMP, `${inputs}\n`)
}
