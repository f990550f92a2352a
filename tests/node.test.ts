import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from '#fp-ts/Either'
import { contextFromEnv, parseIni, workspaceFromIni, workspaceFromIniText } from '../src/node/index'
import { expectLeft } from './helpers/either'

const dir = mkdtempSync(join(tmpdir(), 'contacthub-ini-'))
const file = (name: string, text: string): string => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

describe('workspaceFromIni', () => {
  it('reads the Python SDK layout, with a [DEFAULT] header and a base_url ending in /workspaces', async () => {
    const p = file(
      'a.ini',
      '[DEFAULT]\nworkspace_id = ws-1\ntoken = tok-1\nbase_url = https://api.contactlab.it/hub/v1/workspaces\n'
    )
    expect(await workspaceFromIni(p)()).toEqual(
      E.right({ workspaceId: 'ws-1', token: 'tok-1', baseUrl: 'https://api.contactlab.it/hub/v1' })
    )
  })

  it('reads a file with no section header, comments and quotes', async () => {
    const p = file('b.ini', '# comment\n; other\nworkspace_id: "ws-2"\ntoken = \'tok-2\'\nnode_id = n-2\n')
    expect(await workspaceFromIni(p)()).toEqual(E.right({ workspaceId: 'ws-2', token: 'tok-2', nodeId: 'n-2' }))
  })

  it('reads a named section, with DEFAULT as fallback', () => {
    const text = '[DEFAULT]\ntoken = t\n[prod]\nworkspace_id = p\n[test]\nworkspace_id = q\n'
    expect(workspaceFromIniText(text, 'test')).toEqual(E.right({ workspaceId: 'q', token: 't' }))
    expect(E.isLeft(workspaceFromIniText(text, 'nope'))).toBe(true)
  })

  it('says what is missing or wrong, never throwing and never echoing the token', async () => {
    const missing = await workspaceFromIni(join(dir, 'none.ini'))()
    expect(missing).toEqual(
      E.left({ _tag: 'InvalidInput', message: `workspaceFromIni: cannot read ${join(dir, 'none.ini')} (ENOENT).` })
    )
    expect(workspaceFromIniText('token = x')).toEqual(
      E.left({ _tag: 'InvalidInput', message: 'workspaceFromIni: the key workspace_id is missing.' })
    )
    const bad = workspaceFromIniText('workspace_id = w\ntoken = sekrit\nbase_url = http://example.com')
    expect(expectLeft(bad).message).toContain('https')
    expect(JSON.stringify(bad)).not.toContain('sekrit')
  })

  it('parses sections', () => {
    expect(parseIni('a=1\n[s]\nB = 2').get('s')?.get('b')).toBe('2')
  })
})

describe('contextFromEnv', () => {
  it('builds a context from the environment', () => {
    expect(
      contextFromEnv({
        CONTACTHUB_WORKSPACE_ID: 'w',
        CONTACTHUB_NODE_ID: 'n',
        CONTACTHUB_TOKEN: 't',
        CONTACTHUB_BASE_URL: 'http://127.0.0.1:8080/hub/v1/'
      })
    ).toEqual(E.right({ workspaceId: 'w', nodeId: 'n', token: 't', baseUrl: 'http://127.0.0.1:8080/hub/v1' }))
  })

  it('allows plain http to any host only with CONTACTHUB_ALLOW_INSECURE_HTTP=true', () => {
    const env = {
      CONTACTHUB_WORKSPACE_ID: 'w',
      CONTACTHUB_NODE_ID: 'n',
      CONTACTHUB_TOKEN: 't',
      CONTACTHUB_BASE_URL: 'http://emulator:8080/hub/v1'
    }
    const refused = contextFromEnv(env)
    expect(E.isLeft(refused) && refused.left.message).toMatch(/^contextFromEnv: the base URL must use https/)
    expect(contextFromEnv({ ...env, CONTACTHUB_ALLOW_INSECURE_HTTP: 'false' })).toEqual(refused)
    expect(contextFromEnv({ ...env, CONTACTHUB_ALLOW_INSECURE_HTTP: 'true' })).toEqual(
      E.right({
        workspaceId: 'w',
        nodeId: 'n',
        token: 't',
        baseUrl: 'http://emulator:8080/hub/v1',
        allowInsecureHttp: true
      })
    )
    expect(contextFromEnv({ ...env, CONTACTHUB_ALLOW_INSECURE_HTTP: 'yes' })).toEqual(
      E.left({
        _tag: 'InvalidInput',
        message: 'contextFromEnv: CONTACTHUB_ALLOW_INSECURE_HTTP must be "true" or "false".'
      })
    )
  })

  it('names every missing variable', () => {
    expect(contextFromEnv({ CONTACTHUB_NODE_ID: 'n' })).toEqual(
      E.left({
        _tag: 'InvalidInput',
        message: 'contextFromEnv: CONTACTHUB_WORKSPACE_ID, CONTACTHUB_TOKEN are not set.'
      })
    )
  })

  it('defaults to process.env', () => {
    expect(E.isLeft(contextFromEnv())).toBe(process.env.CONTACTHUB_TOKEN === undefined)
  })
})
