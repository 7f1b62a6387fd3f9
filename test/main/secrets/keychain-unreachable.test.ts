import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConnectionService, type ConnectionsDocument } from '../../../src/main/connections'
import { silentLogger } from '../../../src/main/platform/logger'
import { createSystemSecretStore } from '../../../src/main/secrets/keytar-secret-store'
import { startOidcServer, type OidcServer } from '../../support/oidc-server'

// Vitest runs each test file in its own process, so this dead bus touches no other test.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/allv-test-bus'

let servers: OidcServer

beforeAll(async () => {
  servers = await startOidcServer()
})
afterAll(async () => {
  await servers?.close()
})

describe('without a reachable keychain', () => {
  it('the real keytar store answers KEYCHAIN_UNAVAILABLE with a plain message', async () => {
    const store = createSystemSecretStore()

    await expect(store.set('k', 'v')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringMatching(/No keychain is reachable/),
    })
  })

  it('an accepted API key is not saved anywhere, and the error says why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'allv-no-keychain-'))
    const store = new Conf<ConnectionsDocument>({ cwd: dataDir, configName: 'connections' })
    const service = createConnectionService({
      store,
      secrets: createSystemSecretStore(),
      logger: silentLogger,
      openExternal: () => {},
    })
    const { headerName, prefix, baseUrl, url, key } = servers.apiKeyServer

    const attempt = service.connectApiKey({
      providerId: 'apikey',
      apiKey: key,
      settings: { headerName, prefix, baseUrl, testUrl: url },
    })

    await expect(attempt).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect(await service.list()).toEqual([])
    const written = existsSync(store.path) ? readFileSync(store.path, 'utf8') : ''
    expect(written).not.toContain(key)
  })
})
