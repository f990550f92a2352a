/**
 * The schema language of event `properties` and `contextInfo`: the part of JSON Schema the vendor's event schemas
 * use, as plain data (see `event-plan.ts`, generated).
 *
 * @since 0.2.0
 */

/**
 * One node of an event schema. An `object` without `properties` is any JSON object; `closed` objects refuse
 * fields they do not list; `any` accepts every JSON value.
 *
 * @category event types
 * @since 0.2.0
 * @internal
 */
export interface Shape {
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'any'
  readonly nullable?: boolean
  readonly format?: string
  readonly enum?: ReadonlyArray<unknown>
  readonly minimum?: number
  readonly maximum?: number
  readonly items?: Shape
  readonly closed?: boolean
  readonly required?: ReadonlyArray<string>
  readonly properties?: Readonly<Record<string, Shape>>
}
