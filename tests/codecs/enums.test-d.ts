// Type-level tests of the enumerations the server may extend: decoded, each is `Known | (string & {})`, a type that
// still lists the known literals (editors offer them) and accepts any other string, but not a number.
// Checked by tsc through vitest's typecheck (never run): the run fails if an `@ts-expect-error` below stops being an
// error or an `expectTypeOf` does not hold.
import { assertType, describe, expectTypeOf, it } from 'vitest'
import type * as t from '#io-ts/index'
import type { OpenEnum } from '../../src/codecs/common'
import type {
  ContactType,
  Customer,
  Education,
  KnownContactType,
  KnownMobileDeviceType,
  KnownNotificationService,
  KnownSchoolType,
  KnownSubscriptionKind,
  MobileDevice,
  MobileDeviceType,
  NotificationService,
  OtherContact,
  SchoolType,
  Subscription,
  SubscriptionKind
} from '../../src/codecs/customer'
import type {
  ContactType as ContactTypeCodec,
  MobileDeviceType as MobileDeviceTypeCodec,
  NotificationService as NotificationServiceCodec,
  SchoolType as SchoolTypeCodec,
  SubscriptionKind as SubscriptionKindCodec
} from '../../src/codecs/customer'
import type { CustomerInput, EducationInput, SubscriptionInput } from '../../src/codecs/customer-input'
import type {
  BringBackProperties,
  Event,
  EventMode,
  StandardEventContext,
  StandardEventType
} from '../../src/codecs/event'

describe('open enumerations', () => {
  it('keep the known literals in the type (not widened to string)', () => {
    expectTypeOf<Extract<ContactType, KnownContactType>>().toEqualTypeOf<KnownContactType>()
    expectTypeOf<Extract<MobileDeviceType, KnownMobileDeviceType>>().toEqualTypeOf<KnownMobileDeviceType>()
    expectTypeOf<Extract<NotificationService, KnownNotificationService>>().toEqualTypeOf<KnownNotificationService>()
    expectTypeOf<Extract<SchoolType, KnownSchoolType>>().toEqualTypeOf<KnownSchoolType>()
    expectTypeOf<Extract<SubscriptionKind, KnownSubscriptionKind>>().toEqualTypeOf<KnownSubscriptionKind>()
    expectTypeOf<ContactType>().not.toEqualTypeOf<string>()
    expectTypeOf<'MOBILE'>().toExtend<ContactType>()
    expectTypeOf<KnownContactType>().toEqualTypeOf<'MOBILE' | 'PHONE' | 'EMAIL' | 'FAX' | 'OTHER'>()
  })

  it('accept any other string, and only strings', () => {
    expectTypeOf<'PAGER'>().toExtend<ContactType>()
    expectTypeOf<'WEAR_OS'>().toExtend<MobileDeviceType>()
    expectTypeOf<'HMS'>().toExtend<NotificationService>()
    expectTypeOf<'KINDERGARTEN'>().toExtend<SchoolType>()
    expectTypeOf<'NEWSLETTER'>().toExtend<SubscriptionKind>()
    expectTypeOf<string>().toExtend<SubscriptionKind>()
    expectTypeOf<ContactType>().toExtend<string>()
    expectTypeOf<number>().not.toExtend<ContactType>()
    // @ts-expect-error a number is not a contact type
    assertType<ContactType>(1)
    // @ts-expect-error nor is null (the fields that may be unset say so with `| null`)
    assertType<SchoolType>(null)
  })

  it('are what the codecs decode to, and what the decoded customer holds', () => {
    expectTypeOf<t.TypeOf<typeof ContactTypeCodec>>().toEqualTypeOf<ContactType>()
    expectTypeOf<t.TypeOf<typeof MobileDeviceTypeCodec>>().toEqualTypeOf<MobileDeviceType>()
    expectTypeOf<t.TypeOf<typeof NotificationServiceCodec>>().toEqualTypeOf<NotificationService>()
    expectTypeOf<t.TypeOf<typeof SchoolTypeCodec>>().toEqualTypeOf<SchoolType>()
    expectTypeOf<t.TypeOf<typeof SubscriptionKindCodec>>().toEqualTypeOf<SubscriptionKind>()
    expectTypeOf<OtherContact['type']>().toEqualTypeOf<OpenEnum<KnownContactType> | null>()
    expectTypeOf<MobileDevice['type']>().toEqualTypeOf<OpenEnum<KnownMobileDeviceType> | null>()
    expectTypeOf<MobileDevice['notificationService']>().toEqualTypeOf<OpenEnum<KnownNotificationService> | null>()
    expectTypeOf<Education['schoolType']>().toEqualTypeOf<OpenEnum<KnownSchoolType> | null>()
    expectTypeOf<Subscription['kind']>().toEqualTypeOf<OpenEnum<KnownSubscriptionKind> | null>()
  })

  it('let a decoded customer, whatever values it holds, be sent back as an input', () => {
    expectTypeOf<Customer>().toExtend<CustomerInput>()
    expectTypeOf<Education>().toExtend<EducationInput>()
    expectTypeOf<Subscription>().toExtend<SubscriptionInput>()
    expectTypeOf<{ kind: 'SERVICE' }>().toExtend<SubscriptionInput>()
  })

  it('events: type, context, mode and bringBackProperties.type stay open on decode', () => {
    expectTypeOf<Extract<Event['type'], StandardEventType>>().toEqualTypeOf<StandardEventType>()
    expectTypeOf<'somethingNew'>().toExtend<Event['type']>()
    expectTypeOf<Extract<Event['context'], StandardEventContext>>().toEqualTypeOf<StandardEventContext>()
    expectTypeOf<'NEW_CONTEXT'>().toExtend<Event['context']>()
    expectTypeOf<EventMode>().toEqualTypeOf<OpenEnum<'ACTIVE' | 'PASSIVE'>>()
    expectTypeOf<BringBackProperties['type']>().toEqualTypeOf<OpenEnum<'SESSION_ID' | 'EXTERNAL_ID'>>()
  })
})
