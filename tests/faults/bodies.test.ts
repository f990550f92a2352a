// Bodies that are not what was due, through real operations: getCustomer for a read that needs data,
// deleteCustomer for an operation that returns nothing. Also the error pages of proxies and frameworks.
import { beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import type { ServerResponse } from 'node:http'
import { deleteCustomer, getCustomer } from '../../src/customers'
import { useRecorder } from '../helpers/recorder'
import { expectLeft, expectRight } from '../helpers/either'
import { TOKEN, contextFor, virtualClock } from './support'

const server = useRecorder()
const vc = virtualClock()
const ctx = () => contextFor(server.url, vc)

const answer =
  (status: number, body: string | undefined, type?: string, extra: Record<string, string> = {}) =>
  (_: unknown, res: ServerResponse): void => {
    res.writeHead(status, { ...(type === undefined ? {} : { 'content-type': type }), ...extra })
    res.end(body)
  }

beforeEach(() => {
  vc.reset()
})

const VALID = JSON.stringify({ id: 'c1', base: { firstName: 'Ada' } })

describe('a 200 whose body is not JSON', () => {
  const cases: Array<[string, string, string | undefined, string]> = [
    ['truncated JSON', '{"id": "c1", "base": {"firstN', 'application/json', 'text that is not valid JSON'],
    [
      'an HTML page',
      '<!DOCTYPE html><html><body>Welcome to the Wi-Fi</body></html>',
      'text/html; charset=utf-8',
      'an HTML page'
    ],
    ['JSON labelled as HTML', VALID, 'text/html', 'an HTML page'],
    ['binary octet-stream', '\u0000\u0001\u0002PK', 'application/octet-stream', 'text that is not valid JSON'],
    ['no content type, not JSON', 'OK', undefined, 'text that is not valid JSON'],
    ['an image', '\u0089PNG', 'image/png', 'text that is not valid JSON'],
    ['XML', '<?xml version="1.0"?><customer/>', 'application/xml', 'where JSON was expected']
  ]

  it.each(cases)('%s: getCustomer gives a DecodeError after one request', async (_, body, type, what) => {
    server.handle(answer(200, body, type))
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({ _tag: 'DecodeError', method: 'GET', path: '/workspaces/ws/customers/c1', status: 200 })
    expect(e.message).toContain(what)
    expect(e.message).not.toContain('Welcome') // the body itself is not echoed
    expect(server.requests).toHaveLength(1)
    expect(vc.sleeps).toEqual([])
  })

  it.each(cases)(
    '%s: deleteCustomer gives a DecodeError (a 200 HTML page may be a portal, not the API)',
    async (_, body, type) => {
      server.handle(answer(200, body, type))
      expect(expectLeft(await deleteCustomer(ctx(), 'c1')())).toMatchObject({ _tag: 'DecodeError', method: 'DELETE' })
      expect(server.requests).toHaveLength(1)
    }
  )

  it('JSON labelled octet-stream, text/plain or with no content type is read as JSON', async () => {
    for (const type of ['application/octet-stream', 'text/plain', undefined, 'application/vnd.contactlab+json']) {
      server.handle(answer(200, VALID, type))
      expect(expectRight(await getCustomer(ctx(), 'c1')())).toMatchObject({ id: 'c1', base: { firstName: 'Ada' } })
    }
  })
})

describe('empty answers', () => {
  const empties: Array<[string, number, string | undefined, string | undefined]> = [
    ['an empty 200', 200, '', undefined],
    ['an empty 200 labelled JSON', 200, '', 'application/json'],
    ['a 204', 204, undefined, undefined],
    ['a 200 of whitespace', 200, ' \n', 'application/json']
  ]

  it.each(empties)('%s: getCustomer gives a DecodeError (data was due)', async (_, status, body, type) => {
    server.handle(answer(status, body, type))
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({ _tag: 'DecodeError', errors: ['(root): expected JSON, got an empty body'], status })
    expect(server.requests).toHaveLength(1)
  })

  it.each(empties)('%s: deleteCustomer succeeds', async (_, status, body, type) => {
    server.handle(answer(status, body, type))
    expect(await deleteCustomer(ctx(), 'c1')()).toEqual(E.right(undefined))
  })

  it('a JSON null: getCustomer gives a DecodeError, deleteCustomer succeeds', async () => {
    server.handle(answer(200, 'null', 'application/json'))
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e._tag).toBe('DecodeError')
    expect(e._tag === 'DecodeError' && e.errors[0]).toMatch(/^\(root\): expected Customer, got null/)
    expect(await deleteCustomer(ctx(), 'c1')()).toEqual(E.right(undefined))
  })

  it('other JSON where a customer was due (array, string, number, object without id) is a DecodeError', async () => {
    for (const body of ['[]', '"c1"', '42', 'true', '{}', '{"elements": []}']) {
      server.handle(answer(200, body, 'application/json'))
      expect(expectLeft(await getCustomer(ctx(), 'c1')())._tag).toBe('DecodeError')
    }
  })
})

describe('proxy error pages', () => {
  const page = (code: number, text: string): string =>
    `<html>\r\n<head><title>${code} ${text}</title></head>\r\n<body>\r\n<center><h1>${code} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`

  it.each([
    [502, 'Bad Gateway'],
    [503, 'Service Temporarily Unavailable'],
    [504, 'Gateway Time-out']
  ])(
    '%i HTML page: getCustomer retries, then an HttpError that names the page without echoing it',
    async (code, text) => {
      server.handle(answer(code, page(code, text), 'text/html'))
      const e = expectLeft(await getCustomer(ctx(), 'c1')())
      expect(e).toMatchObject({ _tag: 'HttpError', status: code, attempts: 3 })
      expect(e.message).toContain('an HTML page (text/html)')
      expect(e.message).not.toContain('<')
      expect(e.message).not.toMatch(/[\r\n]/)
      expect(server.requests).toHaveLength(3)
      expect(vc.sleeps).toEqual([100, 200])
    }
  )

  it('a 503 HTML page on deleteCustomer: one request', async () => {
    server.handle(answer(503, page(503, 'Service Unavailable'), 'text/html'))
    expect(expectLeft(await deleteCustomer(ctx(), 'c1')())).toMatchObject({
      _tag: 'HttpError',
      status: 503,
      attempts: 1
    })
    expect(server.requests).toHaveLength(1)
  })

  it('a 502 with no content type and a huge plain-text body: the message stays one short line', async () => {
    server.handle(answer(502, 'upstream connect error or disconnect/reset before headers. '.repeat(200)))
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 502 })
    expect(e.message.length).toBeLessThan(500)
  })
})

describe('framework-default 404 bodies', () => {
  const cases: Array<[string, string, string | undefined, string]> = [
    [
      'Spring Boot JSON',
      '{"timestamp":"2026-01-01T00:00:00.000+00:00","status":404,"error":"Not Found","path":"/x"}',
      'application/json',
      'Not Found.'
    ],
    [
      "the API's own error",
      '{"logref":"abc","message":"Customer not found","data":{}}',
      'application/json',
      'Customer not found.'
    ],
    [
      'Express HTML',
      '<!DOCTYPE html>\n<html lang="en">\n<head><title>Error</title></head>\n<body><pre>Cannot GET /x</pre></body>\n</html>\n',
      'text/html; charset=utf-8',
      'an HTML page'
    ],
    ['nginx HTML', '<html><head><title>404 Not Found</title></head><body></body></html>', 'text/html', 'an HTML page'],
    ['plain text', 'Not Found', 'text/plain', 'text that is not valid JSON (text/plain)'],
    ['an empty body', '', undefined, 'an empty body'],
    ['JSON without a message', '{"code":404}', 'application/json', 'a JSON body with no message']
  ]

  it.each(cases)('%s: getCustomer gives an HttpError 404 after one request', async (_, body, type, said) => {
    server.handle(answer(404, body, type))
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({
      _tag: 'HttpError',
      status: 404,
      method: 'GET',
      path: '/workspaces/ws/customers/c1',
      attempts: 1
    })
    expect(e.message).toMatch(/^getCustomer GET \/workspaces\/ws\/customers\/c1 failed with 404 Not Found: /)
    expect(e.message).toContain(said)
    expect(e.message).not.toContain(TOKEN)
    expect(server.requests).toHaveLength(1)
  })

  it.each(cases)('%s: deleteCustomer gives an HttpError 404', async (_, body, type) => {
    server.handle(answer(404, body, type))
    expect(expectLeft(await deleteCustomer(ctx(), 'c1')())).toMatchObject({
      _tag: 'HttpError',
      status: 404,
      method: 'DELETE'
    })
  })

  it('keeps the API fields of a 404', async () => {
    server.handle(
      answer(404, '{"logref":"abc","message":"Customer not found","data":{"id":"c1"},"errors":[]}', 'application/json')
    )
    expect(expectLeft(await getCustomer(ctx(), 'c1')())).toMatchObject({
      logref: 'abc',
      data: { id: 'c1' },
      errors: []
    })
  })
})
