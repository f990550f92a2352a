// Where one size scenario's bytes go: `npx tsx bench/size-one.ts addCustomer` (after `npm run build`) prints the
// esbuild bundle's minified and gzip size and the minified bytes each input module contributes (esbuild's metafile).
// Scenario names are those of tests/size/scenarios.ts.
import { bundleWithEsbuild, scenarios } from '../tests/size/scenarios'

const name = process.argv[2] ?? 'addCustomer'

const main = async (): Promise<void> => {
  const scenario = scenarios.find((s) => s.name === name)
  if (scenario === undefined) throw new Error(`no scenario ${name}: ${scenarios.map((s) => s.name).join(', ')}`)
  const r = await bundleWithEsbuild(scenario)
  const lines = [`${name}: ${r.bytes} B minified, ${(r.gzipBytes / 1024).toFixed(2)} KiB gzip -9`]
  for (const [input, bytes] of Object.entries(r.inputs)) lines.push(`${String(bytes).padStart(7)}  ${input}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
})
