// Reads the vendor's JSON Schemas of event properties and contexts (a folder given as the first argument, with
// `event/` and `context/` inside) and writes `scripts/events/plan.json`: the compact input of `generate.mjs`, with
// field names, types, formats, enums, bounds and required lists only (no description text). Run by hand when the
// vendor publishes new schemas:
//   node scripts/events/extract.mjs ../shared/contacthub-api/schemas
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = process.argv[2]
if (root === undefined) {
  console.error('usage: node scripts/events/extract.mjs <folder with event/ and context/>')
  process.exit(2)
}

// The one external reference in the schemas (`enums.json#/definitions/GeographicLocation`) is the same shape the
// other schemas spell out inline: latitude and longitude, both required.
const GEO = {
  type: 'object',
  required: ['lat', 'lon'],
  properties: {
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 }
  }
}

/** One schema node in the plan's compact form (see generate.mjs for the grammar). */
const compact = (s, where) => {
  if (s.$ref !== undefined) {
    if (!s.$ref.endsWith('#/definitions/GeographicLocation')) throw new Error(`${where}: unknown $ref ${s.$ref}`)
    return compact(GEO, where)
  }
  if (s.oneOf !== undefined) {
    const rest = s.oneOf.filter((x) => x.type !== 'null')
    if (rest.length !== 1 || s.oneOf.length !== 2) throw new Error(`${where}: unsupported oneOf`)
    return { ...compact({ ...s, oneOf: undefined, ...rest[0] }, where), nullable: true }
  }
  let types = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? s.type.split('/') : []
  const nullable = types.includes('null')
  types = types.filter((t) => t !== 'null')
  if (types.length > 1) throw new Error(`${where}: several types ${types}`)
  const type = types[0] ?? 'any'
  const out = { type }
  if (nullable) out.nullable = true
  if (s.format !== undefined && type === 'string') out.format = s.format
  if (s.enum !== undefined) out.enum = s.enum
  if (typeof s.minimum === 'number') out.minimum = s.minimum
  if (typeof s.maximum === 'number') out.maximum = s.maximum
  if (type === 'array' && s.items !== undefined) out.items = compact(s.items, `${where}[]`)
  if (type === 'object') {
    if (s.additionalProperties === false) out.closed = true
    if (Array.isArray(s.required) && s.required.length > 0) out.required = s.required
    if (s.properties !== undefined) {
      out.properties = {}
      for (const [k, v] of Object.entries(s.properties).sort(([a], [b]) => (a < b ? -1 : 1)))
        out.properties[k] = compact(v, `${where}.${k}`)
    }
  }
  return out
}

const folder = (name) =>
  Object.fromEntries(
    readdirSync(join(root, name))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const key = f.slice(0, -'.json'.length)
        return [
          name === 'context' ? key.toUpperCase() : key,
          compact(JSON.parse(readFileSync(join(root, name, f), 'utf8')), key)
        ]
      })
  )

const plan = { events: folder('event'), contexts: folder('context') }
const out = join(dirname(fileURLToPath(import.meta.url)), 'plan.json')
const lines = (o) =>
  Object.entries(o)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n')
writeFileSync(out, `{\n "events": {\n${lines(plan.events)}\n },\n "contexts": {\n${lines(plan.contexts)}\n }\n}\n`)
console.log(`${Object.keys(plan.events).length} event types, ${Object.keys(plan.contexts).length} contexts -> ${out}`)
