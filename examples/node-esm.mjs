// contacthub-fp from plain Node ESM (no bundler, no TypeScript): `node examples/node-esm.mjs`.
// Plain Node cannot load fp-ts's bundler paths (`fp-ts/TaskEither` is a directory import there): use `fp-ts/lib/*.js`
// as below, or only the library's own exports.
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import { addCustomer, getCustomer, getCustomers, renderError } from 'contacthub-fp'
import { startEmulator } from 'contacthub-fp/emulator'

const emulator = await startEmulator()
console.log(`emulator at ${emulator.url}`)
const ctx = emulator.context
try {
  const result = await pipe(
    addCustomer(ctx, { externalId: 'ada-1815', base: { firstName: 'Ada', contacts: { email: 'ada@example.com' } } }),
    TE.flatMap((created) => getCustomer(ctx, created.id)),
    TE.flatMap((read) =>
      pipe(
        getCustomers(ctx, { size: 10 }),
        TE.map((page) => ({ read, page }))
      )
    )
  )()
  if (E.isLeft(result)) {
    console.error(renderError(result.left))
    process.exitCode = 1
  } else {
    const { read, page } = result.right
    console.log(`created and read ${read.id}: ${read.base?.firstName}`)
    console.log(`listed ${page.elements.length} of ${page.page.totalElements} customers`)
  }
} finally {
  await emulator.close()
  console.log('emulator stopped')
}
