// A fake listing for the pagination tests: the numbers 0..total-1 in pages of `size`, counting the pages asked
// for; page `failAt` fails with a NetworkError.
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import { networkError, type ContacthubError } from '../../src/error'
import type { Page } from '../../src/codecs/page'
import { paginate } from '../../src/pagination'

export const listing = (total: number, size: number, failAt = -1) => {
  const asked: Array<number> = []
  const fetchRaw =
    (page: number): TE.TaskEither<ContacthubError, Page<number>> =>
    () => {
      asked.push(page)
      if (page === failAt) return Promise.resolve(E.left(networkError({ message: 'down', method: 'GET', path: '/x' })))
      const elements = Array.from(
        { length: Math.max(0, Math.min(size, total - page * size)) },
        (_, i) => page * size + i
      )
      return Promise.resolve(
        E.right({ elements, page: { number: page, size, totalElements: total, totalPages: Math.ceil(total / size) } })
      )
    }
  return { asked, first: paginate(fetchRaw)(0), at: paginate(fetchRaw) }
}
