// `npm run bench:instructions`: where the CPU of one request goes, in instructions, which do not depend on what
// else the machine is doing (timings on a shared 2-core machine move by ±10 % from run to run; these by ~2 % of the floor).
// Each side runs N sequential getCustomer requests to the static server under valgrind (callgrind counts every
// instruction of the client process, all threads); a side's cost per request is (count at 2,500 − count at 500) ÷
// 2,000, which leaves out start-up and warm-up. Sides, each one more layer than the guarantee floor:
//   guard    raw fetch + AbortController + timer + JSON.parse (the guarantee floor)
//   ofetch   the same through ofetch's `raw`, with the library's options (the transport's own cost)
//   decoded  the guarantee floor + the library's decoding of the answer (`decodeWith(Customer)`)
//   core     the library's request core, answer parsed but not decoded (`requestVoid`)
//   library  `getCustomer`: the whole operation
// Needs valgrind (`apt-get install -y valgrind`) and a build (`npm run build`). Not part of `npm test` or `npm run
// bench` (about seven minutes on two cores).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startChild } from './child'
import { customerId } from './fixtures'

const run = promisify(execFile)
const CLIENT = fileURLToPath(new URL('./instructions-client.ts', import.meta.url))
const SIDES = ['guard', 'ofetch', 'decoded', 'core', 'library'] as const
const [FEW, MANY] = [500, 2_500]

const count = async (port: number, side: string, n: number): Promise<number> => {
  const { stderr } = await run(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      '--smc-check=all-non-file',
      process.execPath,
      '--import',
      'tsx',
      CLIENT,
      String(port),
      customerId(0),
      side,
      String(n)
    ],
    { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 }
  )
  const m = /Collected : (\d+)/.exec(stderr)
  if (m === null) throw new Error(`${side} ×${n}: no count in valgrind's output:\n${stderr.slice(-2_000)}`)
  return Number(m[1])
}

const main = async (): Promise<void> => {
  const server = await startChild<{ port: number }>('./server.ts')
  try {
    const perRequest: Record<string, number> = {}
    // Two at a time: counts do not depend on load, and two cores finish sooner.
    for (let i = 0; i < SIDES.length; i += 2) {
      await Promise.all(
        SIDES.slice(i, i + 2).map(async (side) => {
          const [few, many] = await Promise.all([
            count(server.info.port, side, FEW),
            count(server.info.port, side, MANY)
          ])
          perRequest[side] = (many - few) / (MANY - FEW)
        })
      )
    }
    const guard = perRequest.guard ?? NaN
    const k = (n: number): string => `${Math.round(n / 1000).toLocaleString('en-US')}k`
    process.stdout.write(
      '| side | instructions per request | beyond the guarantee floor | × guard |\n| --- | --- | --- | --- |\n'
    )
    for (const side of SIDES) {
      const n = perRequest[side] ?? NaN
      process.stdout.write(
        `| ${side} | ${k(n)} | ${side === 'guard' ? '' : `+${k(n - guard)}`} | ${(n / guard).toFixed(3)} |\n`
      )
    }
  } finally {
    await server.stop()
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
})
