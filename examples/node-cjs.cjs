// contacthub-fp from Node CommonJS (no bundler, no TypeScript): `node examples/node-cjs.cjs`.
// In CommonJS, fp-ts's modules are under `fp-ts/lib/*`.
const E = require('fp-ts/lib/Either')
const { addCustomer, getCustomer, getCustomers, renderError } = require('contacthub-fp')
const { startEmulator } = require('contacthub-fp/emulator')

const main = async () => {
  const emulator = await startEmulator()
  console.log(`emulator at ${emulator.url}`)
  const ctx = emulator.context
  try {
    const created = await addCustomer(ctx, { externalId: 'ada-1815', base: { firstName: 'Ada' } })()
    if (E.isLeft(created)) throw new Error(renderError(created.left))
    const read = await getCustomer(ctx, created.right.id)()
    if (E.isLeft(read)) throw new Error(renderError(read.left))
    console.log(`created and read ${read.right.id}: ${read.right.base.firstName}`)
    const page = await getCustomers(ctx, { size: 10 })()
    if (E.isLeft(page)) throw new Error(renderError(page.left))
    console.log(`listed ${page.right.elements.length} of ${page.right.page.totalElements} customers`)
  } finally {
    await emulator.close()
    console.log('emulator stopped')
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
})
