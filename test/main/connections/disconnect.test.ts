import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { secretKeys, type StoredTokens } from '../../../src/main/connections/connection-record'
import { launchChromium } from '../../support/browser-sign-in'
import { connectThroughBrowser } from '../../support/connect-through-browser'
import {
  createConnectionsFixture,
  type ConnectionsFixture,
} from '../../support/connections-fixture'
import { keychainAccounts } from '../../support/keychain'
import { startOidcServer, type OidcServer } from '../../support/oidc-server'

let oidc: OidcServer
let browser: Browser
let context: BrowserContext
let fixture: ConnectionsFixture

beforeAll(async () => {
  oidc = await startOidcServer()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await oidc?.close()
})
beforeEach(async () => {
  fixture = createConnectionsFixture()
  context = await browser.newContext()
})
afterEach(async () => {
  await context.close()
  await fixture.close()
})

const tokensOf = async (connectionId: string): Promise<StoredTokens> =>
  JSON.parse((await fixture.secrets.get(secretKeys.tokens(connectionId))) ?? 'null')

describe('disconnecting', () => {
  it('revokes at the provider, then deletes the keychain entries and the record', async () => {
    const { ended } = await connectThroughBrowser({ fixture, oidc, browser: context })
    const connectionId = ended.connectionId ?? ''
    const { accessToken } = await tokensOf(connectionId)
    const bearer = { Authorization: `Bearer ${accessToken}` }
    expect((await fetch(oidc.resourceUrl, { headers: bearer })).status).toBe(200)
    expect(keychainAccounts()).toContain(secretKeys.tokens(connectionId))
    const revocations = oidc.hits('/token/revocation')

    await fixture.service.disconnect(connectionId)

    expect(oidc.hits('/token/revocation')).toBe(revocations + 2)
    expect((await fetch(oidc.resourceUrl, { headers: bearer })).status).toBe(401)
    expect(await fixture.secrets.get(secretKeys.tokens(connectionId))).toBeNull()
    expect(keychainAccounts()).not.toContain(secretKeys.tokens(connectionId))
    expect(await fixture.service.list()).toEqual([])
  })

  it('still deletes everything when the provider cannot be reached to revoke', async () => {
    const shortLived = await startOidcServer()
    const { ended } = await connectThroughBrowser({ fixture, oidc: shortLived, browser: context })
    const connectionId = ended.connectionId ?? ''
    await shortLived.close()

    await fixture.service.disconnect(connectionId)

    expect(await fixture.secrets.get(secretKeys.tokens(connectionId))).toBeNull()
    expect(await fixture.service.list()).toEqual([])
    expect(fixture.logLines.join('\n')).toContain('Revocation failed')
  })

  it('deletes the key of an API-key connection from the keychain', async () => {
    const { headerName, prefix, baseUrl, url, key } = oidc.apiKeyServer
    const view = await fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: key,
      settings: { headerName, prefix, baseUrl, testUrl: url },
    })
    expect(keychainAccounts()).toContain(secretKeys.apiKey(view.id))

    await fixture.service.disconnect(view.id)

    expect(keychainAccounts()).not.toContain(secretKeys.apiKey(view.id))
    expect(await fixture.service.list()).toEqual([])
  })
})
