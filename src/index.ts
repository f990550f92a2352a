/**
 * contacthub-fp: a functional, tree-shakeable client for the Contactlab Contacthub REST API.
 * Re-exports only; no code, no side effects.
 *
 * @since 0.1.0
 */
export * from './context'
export * from './error'
export * from './pagination'
export * from './codecs/common'
export * from './codecs/page'
export { formatValidationError, formatValidationErrors } from './decode'
export * from './query'
export * from './codecs/query'
export * from './codecs/event'
export * from './events'
export * from './codecs/customer'
export * from './codecs/customer-input'
export * from './customers'
export * from './entities'
export * from './sessions'
export * from './tags'
export * from './patch'
