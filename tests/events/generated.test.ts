import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script without declarations
import { OUTPUTS, readPlan, render } from '../../scripts/events/generate.mjs'

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

describe('generated event modules', () => {
  it('are what `npm run gen:events` makes of scripts/events/plan.json (run it after editing the plan)', async () => {
    const outputs = OUTPUTS as { types: string; plan: string; typeTests: string }
    const fresh = (await render(readPlan())) as { types: string; plan: string; typeTests: string }
    expect(read(outputs.types)).toBe(fresh.types)
    expect(read(outputs.plan)).toBe(fresh.plan)
    expect(read(outputs.typeTests)).toBe(fresh.typeTests)
  })

  it('hold no description text: the plan has field names, types, formats, enums, bounds and required lists only', () => {
    const allowed = new Set([
      'type',
      'nullable',
      'format',
      'enum',
      'minimum',
      'maximum',
      'items',
      'closed',
      'required',
      'properties'
    ])
    const walk = (node: Record<string, unknown>, where: string): void => {
      for (const [k, v] of Object.entries(node)) {
        expect(allowed.has(k), `${where}.${k}`).toBe(true)
        if (k === 'items') walk(v as Record<string, unknown>, `${where}[]`)
        if (k === 'properties')
          for (const [name, child] of Object.entries(v as Record<string, Record<string, unknown>>))
            walk(child, `${where}.${name}`)
      }
    }
    const plan = readPlan() as {
      events: Record<string, Record<string, unknown>>
      contexts: Record<string, Record<string, unknown>>
    }
    expect(Object.keys(plan.events)).toHaveLength(46)
    expect(Object.keys(plan.contexts)).toHaveLength(9)
    for (const [name, node] of [...Object.entries(plan.events), ...Object.entries(plan.contexts)]) walk(node, name)
  })
})
