// What a user sees when a typed event is wrong: each snippet below is compiled by the TypeScript API as a module of a
// user's app (importing `contacthub-fp` by name, with the repository's compiler options), and the test reads the
// diagnostics' text. A mistake must be named where it is (the property, the type it is not in), in a message short
// enough to read: never a dump of the 47 standard types.
import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import ts from 'typescript'

const root = resolve(import.meta.dirname, '..', '..')

const PRELUDE = `import { addEvent, customEventType, updateEvent, type Context, type EventInput } from 'contacthub-fp'
declare const ctx: Context
declare const customerId: string
`

const SNIPPETS = {
  valid: `addEvent(ctx, { type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { orderId: 'o-1', amount: { total: 42 } } })
addEvent(ctx, { type: customEventType('signedPetition'), context: 'WEB', customerId, properties: { petitionId: 'p-1' } })
const e: EventInput = { type: 'viewedPage', context: 'WEB', customerId, properties: { url: 'https://example.com/' } }
updateEvent(ctx, 'e-1', e)`,
  misspelt: `addEvent(ctx, { type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { orderID: 'o-1' } })`,
  wrongValue: `addEvent(ctx, { type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { orderId: 1 } })`,
  nested: `addEvent(ctx, { type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { amount: { totl: 42 } } })`,
  annotated: `const e: EventInput = { type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { orderID: 'o-1' } }`,
  update: `updateEvent(ctx, 'e-1', { type: 'viewedPage', context: 'WEB', customerId, properties: { URL: 'https://example.com/' } })`,
  contextInfo: `addEvent(ctx, { type: 'loggedIn', context: 'WEB', customerId, contextInfo: { clientt: {} } })`,
  unknownType: `addEvent(ctx, { type: 'completedOrdr', context: 'ECOMMERCE', customerId })`,
  unknownContext: `addEvent(ctx, { type: 'loggedIn', context: 'WEBB', customerId })`,
  customStandard: `customEventType('completedOrder')`
} as const

type Name = keyof typeof SNIPPETS

interface Finding {
  /** 1-based line in the snippet (after the prelude). */
  readonly line: number
  /** The text under the diagnostic's span. */
  readonly at: string
  /** The whole message chain, one line per level. */
  readonly message: string
}

const fileOf = (name: Name): string => join(root, 'tests', 'events', `__snippet_${name}.ts`)

/** Compiles every snippet in one program, as modules of the repository (so `contacthub-fp` is `src/index.ts`). */
const compile = (): Readonly<Record<Name, ReadonlyArray<Finding>>> => {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p))
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root)
  const names = Object.keys(SNIPPETS) as ReadonlyArray<Name>
  const virtual = new Map(names.map((n) => [fileOf(n), PRELUDE + SNIPPETS[n]]))
  const host = ts.createCompilerHost({ ...options, noEmit: true })
  const { getSourceFile, fileExists, readFile } = host
  host.fileExists = (f) => virtual.has(resolve(f)) || fileExists.call(host, f)
  host.readFile = (f) => virtual.get(resolve(f)) ?? readFile.call(host, f)
  host.getSourceFile = (f, language, ...rest) => {
    const text = virtual.get(resolve(f))
    return text === undefined
      ? getSourceFile.call(host, f, language, ...rest)
      : ts.createSourceFile(f, text, language, true, ts.ScriptKind.TS)
  }
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: { ...options, noEmit: true }, host })
  const preludeLines = PRELUDE.split('\n').length - 1
  const results: Partial<Record<Name, ReadonlyArray<Finding>>> = {}
  for (const n of names) {
    const sf = program.getSourceFile(fileOf(n))
    if (sf === undefined) throw new Error(`${n}: not compiled`)
    const findings = ts.getPreEmitDiagnostics(program, sf).map((d): Finding => {
      const start = d.start ?? 0
      return {
        line: sf.getLineAndCharacterOfPosition(start).line + 1 - preludeLines,
        at: sf.text.slice(start, start + (d.length ?? 0)),
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n')
      }
    })
    results[n] = findings
  }
  return results as Record<Name, ReadonlyArray<Finding>>
}

/** The one finding of a snippet. */
const only = (findings: ReadonlyArray<Finding>): Finding => {
  expect(findings).toHaveLength(1)
  return findings[0]!
}

/** A message that does not list the standard types or their properties types (one, as a suggestion, is fine). */
const expectNoUnionDump = (message: string): void => {
  expect(message).not.toMatch(/abandonedCart|campaignBounced|viewedProductCategory|AbandonedCartProperties/)
}

describe('compile errors of typed events, as a user reads them', () => {
  const results = compile()

  it('a valid typed event, a custom type and an EventInput compile without a finding (the snippets are sound)', () => {
    expect(results.valid).toEqual([])
  })

  it('a misspelt property names the property, its event type and the right spelling, on one line', () => {
    const f = only(results.misspelt)
    expect(f).toEqual({
      line: 1,
      at: 'orderID',
      message:
        "Object literal may only specify known properties, but 'orderID' does not exist in type " +
        "'CompletedOrderProperties'. Did you mean to write 'orderId'?"
    })
  })

  it('a wrong value type points at the property and says what it takes', () => {
    expect(only(results.wrongValue)).toEqual({
      line: 1,
      at: 'orderId',
      message: "Type 'number' is not assignable to type 'string'."
    })
  })

  it('a misspelt nested property is named too', () => {
    const f = only(results.nested)
    expect(f.at).toBe('totl')
    expect(f.message).toContain("'totl' does not exist in type")
    expect(f.message).toContain("Did you mean to write 'total'?")
    expect(f.message.split('\n')).toHaveLength(1)
    expectNoUnionDump(f.message)
  })

  it('through an EventInput annotation, the message ends on the property and its event type', () => {
    const f = only(results.annotated)
    expect(f.at).toBe('orderID')
    const lines = f.message.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^Type '\{ type: "completedOrder"; .*\}' is not assignable to type 'EventInput'\.$/)
    expect(lines.at(-1)?.trim()).toBe(
      "Object literal may only specify known properties, but 'orderID' does not exist in type " +
        "'CompletedOrderProperties'. Did you mean to write 'orderId'?"
    )
    expectNoUnionDump(f.message)
  })

  it('updateEvent checks the same way', () => {
    const f = only(results.update)
    expect(f.at).toBe('URL')
    expect(f.message).toContain("'URL' does not exist in type 'ViewedPageProperties'")
    expectNoUnionDump(f.message)
  })

  it("a misspelt contextInfo property names the context's type", () => {
    const f = only(results.contextInfo)
    expect(f.at).toBe('clientt')
    expect(f.message).toBe(
      "Object literal may only specify known properties, but 'clientt' does not exist in type 'WebContextInfo'. " +
        "Did you mean to write 'client'?"
    )
  })

  it('an unknown type or context is refused with the nearest standard name, not a list of all of them', () => {
    const type = only(results.unknownType)
    expect(type.at).toBe('type')
    expect(type.message).toMatch(
      /^Type '"completedOrdr"' is not assignable to type '.*'\. Did you mean '"completedOrder"'\?$/
    )
    expect(type.message).toContain('more ...') // TypeScript elides the middle of the list
    expect(type.message.length).toBeLessThan(300)
    const context = only(results.unknownContext)
    expect(context.at).toBe('context')
    expect(context.message).toMatch(/^Type '"WEBB"' is not assignable to type '.*'\. Did you mean '"WEB"'\?$/)
  })

  it('customEventType refuses a standard name and says why', () => {
    expect(only(results.customStandard).message).toBe(
      `Argument of type '"completedOrder"' is not assignable to parameter of type ` +
        `'"completedOrder is a standard type: write it as it is"'.`
    )
  })
})
