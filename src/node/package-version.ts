/**
 * The package's version for the bins (`contacthub --version`, `contacthub-emulator --version`), read at run time from
 * the nearest package.json named contacthub-fp above the calling module (in `src/` or `dist/`), so that no bundle
 * carries package.json. Node-only, internal.
 *
 * @since 0.2.0
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The version, or `unknown` when no such package.json is found within six levels of `moduleUrl`.
 *
 * @category utils
 * @since 0.2.0
 * @internal
 */
export const packageVersion = (moduleUrl: string): string => {
  try {
    let dir = dirname(fileURLToPath(moduleUrl))
    for (let i = 0; i < 6; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown }
        if (pkg.name === 'contacthub-fp' && typeof pkg.version === 'string') return pkg.version
      } catch {
        // no package.json here: look one level up
      }
      const up = dirname(dir)
      if (up === dir) break
      dir = up
    }
  } catch {
    // not a file URL: no version to read
  }
  return 'unknown'
}
