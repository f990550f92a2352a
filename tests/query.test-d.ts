// Type-level tests: the compiler checks attribute paths against the customer model, and values against the
// attribute's type. Checked by tsc through vitest's typecheck (never run): the run fails if an `@ts-expect-error` below
// stops being an error or an `expectTypeOf` does not hold.
import { describe, expectTypeOf, it } from 'vitest'
import {
  and,
  between,
  customerQuery,
  eq,
  except,
  gt,
  gte,
  intersect,
  isIn,
  isNotNull,
  isNull,
  lt,
  lte,
  neq,
  notIn,
  or,
  union,
  type AttributeValue,
  type CustomerAttribute,
  type OrderedAttribute
} from '../src/query'
import type {
  BetweenCondition,
  ComparisonCondition,
  CompositeCondition,
  Condition,
  ListCondition,
  NullCondition,
  Query
} from '../src/codecs/query'
import type { Query as PublicQuery } from '../src/index'

describe('attribute paths', () => {
  it('accepts the paths of the customer model', () => {
    expectTypeOf<'base.firstName'>().toExtend<CustomerAttribute>()
    expectTypeOf<'base.contacts.email'>().toExtend<CustomerAttribute>()
    expectTypeOf<'base.address.city'>().toExtend<CustomerAttribute>()
    expectTypeOf<'base.jobs.companyName'>().toExtend<CustomerAttribute>()
    expectTypeOf<'tags.manual'>().toExtend<CustomerAttribute>()
    expectTypeOf<'tags.auto'>().toExtend<CustomerAttribute>()
    expectTypeOf<'id'>().toExtend<CustomerAttribute>()
    expectTypeOf<'externalId'>().toExtend<CustomerAttribute>()
    expectTypeOf<'registeredAt'>().toExtend<CustomerAttribute>()
    expectTypeOf<'updatedAt'>().toExtend<CustomerAttribute>()
    expectTypeOf<'consents.marketing.automatic.email.status'>().toExtend<CustomerAttribute>()
    expectTypeOf<'consents.disclaimer.date'>().toExtend<CustomerAttribute>()
    expectTypeOf<'extended.anything'>().toExtend<CustomerAttribute>()
    expectTypeOf<'extended.deep.nested.path'>().toExtend<CustomerAttribute>()
  })

  it('refuses paths the model does not have', () => {
    expectTypeOf<'base.fristName'>().not.toExtend<CustomerAttribute>()
    expectTypeOf<'firstName'>().not.toExtend<CustomerAttribute>()
    expectTypeOf<'base.contacts.mail'>().not.toExtend<CustomerAttribute>()
    expectTypeOf<'tags.other'>().not.toExtend<CustomerAttribute>()
    expectTypeOf<'extendedfoo'>().not.toExtend<CustomerAttribute>()
    expectTypeOf<'consents.marketing.automatic.email.state'>().not.toExtend<CustomerAttribute>()
    expectTypeOf<string>().not.toExtend<CustomerAttribute>()
  })

  it('rejects a misspelt path in a builder call', () => {
    // @ts-expect-error: not a customer attribute
    eq('base.fristName', 'Ada')
    // @ts-expect-error: not a customer attribute
    isIn('tags', ['vip'])
    // @ts-expect-error: not a customer attribute
    isNull('base.nope')
    // @ts-expect-error: an arbitrary string is not a path
    neq('' as string, 'x')
  })

  it('lets the null checks name objects and lists too', () => {
    isNull('base.address')
    isNotNull('base.jobs')
    isNotNull('extended')
    isNull('consents.marketing')
    // @ts-expect-error: objects have no value to compare
    eq('base.address', 'Milano')
  })
})

describe('values follow the attribute type', () => {
  it('maps attributes to value types', () => {
    expectTypeOf<AttributeValue<'base.firstName'>>().toEqualTypeOf<string>()
    expectTypeOf<AttributeValue<'base.address.geo.lat'>>().toEqualTypeOf<number>()
    expectTypeOf<AttributeValue<'base.educations.startYear'>>().toEqualTypeOf<number>()
    expectTypeOf<AttributeValue<'base.jobs.isCurrent'>>().toEqualTypeOf<boolean>()
    expectTypeOf<AttributeValue<'consents.profiling.online.status'>>().toEqualTypeOf<boolean>()
    expectTypeOf<AttributeValue<'registeredAt'>>().toEqualTypeOf<Date | string>()
    expectTypeOf<AttributeValue<'base.dob'>>().toEqualTypeOf<Date | string>()
    expectTypeOf<AttributeValue<'tags.manual'>>().toEqualTypeOf<string>()
    expectTypeOf<AttributeValue<'extended.x'>>().toEqualTypeOf<string | number | boolean | Date>()
  })

  it('accepts well-typed values', () => {
    eq('base.firstName', 'Ada')
    eq('base.address.geo.lat', 45.46)
    eq('base.subscriptions.subscribed', true)
    eq('enabled', true)
    gt('registeredAt', new Date())
    gt('registeredAt', '2024-01-01T00:00:00Z')
    between('base.dob', new Date(0), '1999-12-31')
    between('base.educations.endYear', 2000, 2010)
    isIn('base.address.country', ['IT', 'FR'])
    notIn('base.educations.startYear', [1999, 2000])
    eq('extended.score', 3)
    eq('extended.nickname', 'ada')
    eq('extended.active', false)
    lte('extended.lastVisit', new Date())
  })

  it('rejects values of the wrong type', () => {
    // @ts-expect-error: a name is a string
    eq('base.firstName', 42)
    // @ts-expect-error: coordinates are numbers
    eq('base.address.geo.lat', '45.46')
    // @ts-expect-error: a consent status is a boolean
    eq('consents.marketing.automatic.sms.status', 'true')
    // @ts-expect-error: a date is a Date or a string, not a number
    gt('registeredAt', 1_700_000_000_000)
    // @ts-expect-error: a year is a number
    between('base.educations.startYear', '1999', '2000')
    // @ts-expect-error: a list of countries holds strings
    isIn('base.address.country', [1, 2])
    // @ts-expect-error: isIn takes a list
    isIn('base.address.country', 'IT')
    // @ts-expect-error: null is asked with isNull
    eq('base.firstName', null)
    // @ts-expect-error: extended values are scalars
    eq('extended.x', { a: 1 })
  })

  it('orders only what has an order', () => {
    expectTypeOf<'base.jobs.isCurrent'>().not.toExtend<OrderedAttribute>()
    expectTypeOf<'registeredAt'>().toExtend<OrderedAttribute>()
    expectTypeOf<'base.lastName'>().toExtend<OrderedAttribute>()
    // @ts-expect-error: a flag has no order
    gt('base.jobs.isCurrent', true)
    // @ts-expect-error: a flag has no order
    between('consents.profiling.online.status', false, true)
  })

  it('takes no value for the null checks', () => {
    // @ts-expect-error: isNull takes only the attribute
    isNull('base.firstName', 'x')
  })
})

describe('results', () => {
  it('conditions and queries have precise types', () => {
    expectTypeOf(eq('id', 'x')).toEqualTypeOf<ComparisonCondition>()
    expectTypeOf(between('base.dob', '1980-01-01', '1990-01-01')).toEqualTypeOf<BetweenCondition>()
    expectTypeOf(isIn('tags.auto', ['a'])).toEqualTypeOf<ListCondition>()
    expectTypeOf(isNull('id')).toEqualTypeOf<NullCondition>()
    expectTypeOf(and(eq('id', 'x'), isNull('id'))).toEqualTypeOf<CompositeCondition>()
    expectTypeOf(or(eq('id', 'x'))).toExtend<Condition>()
    expectTypeOf(customerQuery(eq('id', 'x'))).toEqualTypeOf<Query>()
    expectTypeOf(intersect(customerQuery(eq('id', 'x')))).toEqualTypeOf<Query>()
    expectTypeOf(union).parameters.toEqualTypeOf<[Query, ...Array<Query>]>()
    expectTypeOf(except).returns.toEqualTypeOf<Query>()
    // One Query type: the builder builds what the codec validates and what the package entry exports.
    expectTypeOf<PublicQuery>().toEqualTypeOf<Query>()
  })

  it('needs at least one condition or query to combine', () => {
    // @ts-expect-error: and() of nothing
    and()
    // @ts-expect-error: union() of nothing
    union()
    // @ts-expect-error: a query is combined with queries, not conditions
    intersect(eq('id', 'x'))
  })

  it('is readonly', () => {
    const c = gte('base.educations.startYear', 2000)
    // @ts-expect-error: conditions are readonly
    c.value = 3
    const q = customerQuery(lt('base.lastName', 'M'))
    // @ts-expect-error: queries are readonly
    q.name = 'x'
  })
})
