#!/usr/bin/env node
/**
 * The `contacthub` bin: bulk import and export, and `whoami`, against the API (see `contacthub --help`).
 *
 * ```
 * contacthub import customers customers.csv --concurrency 8
 * contacthub export customers --fields base.firstName,base.contacts.email > out.ndjson
 * ```
 *
 * @since 0.2.0
 */
import { exportCustomers } from '../bulk/export'
import { importCustomers, importEvents } from '../bulk/import'
import { getMe } from '../me'
import { packageVersion } from '../node/package-version'
import { run, type CliDeps } from './run'

const deps: CliDeps = {
  importCustomers,
  importEvents,
  exportCustomers,
  getMe,
  env: process.env,
  stdout: process.stdout,
  stderr: {
    write: (s: string) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
    get columns() {
      return process.stderr.columns
    }
  },
  now: Date.now,
  onInterrupt: (handler) => {
    let count = 0
    const listener = (): void => {
      count++
      // A second Ctrl-C does not wait for the requests in flight.
      if (count > 1) process.exit(130)
      handler()
    }
    process.on('SIGINT', listener)
    return () => {
      process.off('SIGINT', listener)
    }
  },
  version: packageVersion(import.meta.url)
}

run(process.argv.slice(2), deps).then(
  (code) => {
    process.exitCode = code
  },
  () => {
    process.exitCode = 1
  }
)
