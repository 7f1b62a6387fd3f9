import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { secretKeys } from '../../../src/main/connections/connection-record'
import { createSystemSecretStore } from '../../../src/main/secrets/keytar-secret-store'
import {
  createConnectionsFixture,
  type ConnectionsFixture,
} from '../../support/connections-fixture'
import { keychainLookup } from '../../support/keychain'
import { startOidcServer, type OidcServer } from '../../support/oidc-server'

let servers: OidcServer
let fixture: ConnectionsFixture
const keychainWrites: string[] = []

const settings = () => {
  const { headerName, prefix, baseUrl, url } = servers.apiKeyServer
  return { headerName, prefix, baseUrl, testUrl: url }
}

beforeAll(async () => {
  servers = await startOidcServer()
})
afterAll(async () => {
  await servers?.close()
})
beforeEach(() => {
  keychainWrites.length = 0
  const real = createSystemSecretStore()
  fixture = createConnectionsFixture({
    secrets: {
      ...real,
      set: (key, value) => {
        keychainWrites.push(key)
        return real.set(key, value)
      },
    },
  })
})
afterEach(async () => {
  await fixture.close()
})

describe('connecting with an API key', () => {
  it('tests the key, then saves it in the keychain and shows it masked', async () => {
    const { key } = servers.apiKeyServer

    const view = await fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: key,
      settings: settings(),
    })

    expect(view).toMatchObject({
      status: 'connected',
      authKind: 'apiKey',
      account: 'team@example.test',
      maskedKey: `••••${key.slice(-4)}`,
    })
    expect(keychainLookup(secretKeys.apiKey(view.id))).toBe(key)
    expect(fixture.dataFilesText()).not.toContain(key)
    const credentials = await fixture.service.credentialsFor(view.id)
    expect(credentials).toEqual({
      headers: { Authorization: `Key ${key}` },
      baseUrl: servers.apiKeyServer.baseUrl,
    })
  })

  it('refuses a key the test URL rejects, naming URL and status, saving nothing', async () => {
    const wrongKey = 'wrong-key-0000000000000000'

    const attempt = fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: wrongKey,
      settings: settings(),
    })

    await expect(attempt).rejects.toMatchObject({
      code: 'API_KEY_REJECTED',
      message: expect.stringMatching(new RegExp(`${servers.apiKeyServer.url}.*401`)),
    })
    await expect(attempt).rejects.not.toMatchObject({ message: expect.stringContaining(wrongKey) })
    expect(keychainWrites).toEqual([])
    expect(await fixture.service.list()).toEqual([])
  })

  it('says the test URL could not be reached, and saves nothing', async () => {
    const closed = await startOidcServer()
    await closed.close()

    const attempt = fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: servers.apiKeyServer.key,
      settings: { ...settings(), testUrl: closed.apiKeyServer.url },
    })

    await expect(attempt).rejects.toMatchObject({
      code: 'CONNECTION_TEST_FAILED',
      message: expect.stringContaining(closed.apiKeyServer.url),
    })
    expect(keychainWrites).toEqual([])
    expect(await fixture.service.list()).toEqual([])
  })

  it.each([
    ['API key', 'first-half\nsecond-half-of-the-key', 'Key '],
    ['key prefix', null, 'a\r\nX-Evil: 1'],
  ])(
    'refuses a line break in the %s as a paste mistake, saving nothing',
    async (what, key, prefix) => {
      const attempt = fixture.service.connectApiKey({
        providerId: 'apikey',
        apiKey: key ?? servers.apiKeyServer.key,
        settings: { ...settings(), prefix },
      })

      await expect(attempt).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: `The ${what} contains a line break; paste it again without spaces or new lines.`,
      })
      expect(keychainWrites).toEqual([])
      expect(await fixture.service.list()).toEqual([])
    },
  )

  it('refuses a key with an invisible or non-ASCII character as such', async () => {
    const attempt = fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: `${servers.apiKeyServer.key}\u200b€`,
      settings: settings(),
    })

    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('cannot be sent in a header'),
    })
  })

  it('asks the generic entry for its header, base URL and test URL', async () => {
    const attempt = fixture.service.connectApiKey({ providerId: 'apikey', apiKey: 'k' })

    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('marks the connection for reconnect when a check finds the key refused', async () => {
    const view = await fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: servers.apiKeyServer.key,
      settings: settings(),
    })
    expect((await fixture.service.check(view.id)).status).toBe('connected')

    await fixture.secrets.set(secretKeys.apiKey(view.id), 'revoked-key-000000000000')
    const checked = await fixture.service.check(view.id)

    expect(checked.status).toBe('needsReconnect')
    expect(checked.problem).toMatch(/refused the credential \(HTTP 401\)/)
  })

  it('replaces the key of a connection in place when connecting it again', async () => {
    const first = await fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: servers.apiKeyServer.key,
      settings: settings(),
    })

    const again = await fixture.service.connectApiKey({
      providerId: 'apikey',
      connectionId: first.id,
      apiKey: servers.apiKeyServer.key,
    })

    expect(again.id).toBe(first.id)
    expect(again.createdAt).toBe(first.createdAt)
    expect(await fixture.service.list()).toHaveLength(1)
  })
})
