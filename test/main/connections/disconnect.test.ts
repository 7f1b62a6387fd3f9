import { describe, expect, it } from 'vitest'
import { secretKeys, type StoredTokens } from '../../../src/main/connections/connection-record'
import { connectThroughBrowser } from '../../support/connect-through-browser'
import { keychainAccounts } from '../../support/keychain'
import { useOAuthTestBed } from '../../support/oauth-test-bed'
import { startOidcServer } from '../../support/oidc-server'

const bed = useOAuthTestBed()

const tokensOf = async (connectionId: string): Promise<StoredTokens> =>
  JSON.parse((await bed.fixture.secrets.get(secretKeys.tokens(connectionId))) ?? 'null')

describe('disconnecting', () => {
  it('revokes at the provider, then deletes the keychain entries and the record', async () => {
    const { ended } = await connectThroughBrowser(bed.browserConnect())
    const connectionId = ended.connectionId ?? ''
    const { accessToken } = await tokensOf(connectionId)
    const bearer = { Authorization: `Bearer ${accessToken}` }
    expect((await fetch(bed.oidc.resourceUrl, { headers: bearer })).status).toBe(200)
    expect(keychainAccounts()).toContain(secretKeys.tokens(connectionId))
    const revocations = bed.oidc.hits('/token/revocation')

    await bed.fixture.service.disconnect(connectionId)

    expect(bed.oidc.hits('/token/revocation')).toBe(revocations + 2)
    expect((await fetch(bed.oidc.resourceUrl, { headers: bearer })).status).toBe(401)
    expect(await bed.fixture.secrets.get(secretKeys.tokens(connectionId))).toBeNull()
    expect(keychainAccounts()).not.toContain(secretKeys.tokens(connectionId))
    expect(await bed.fixture.service.list()).toEqual([])
  })

  it('still deletes everything when the provider cannot be reached to revoke', async () => {
    const shortLived = await startOidcServer()
    const { ended } = await connectThroughBrowser(bed.browserConnect({ oidc: shortLived }))
    const connectionId = ended.connectionId ?? ''
    await shortLived.close()

    await bed.fixture.service.disconnect(connectionId)

    expect(await bed.fixture.secrets.get(secretKeys.tokens(connectionId))).toBeNull()
    expect(await bed.fixture.service.list()).toEqual([])
    expect(bed.fixture.logLines.join('\n')).toContain('Revocation failed')
  })

  it('deletes the key of an API-key connection from the keychain', async () => {
    const { headerName, prefix, baseUrl, url, key } = bed.oidc.apiKeyServer
    const view = await bed.fixture.service.connectApiKey({
      providerId: 'apikey',
      apiKey: key,
      settings: { headerName, prefix, baseUrl, testUrl: url },
    })
    expect(keychainAccounts()).toContain(secretKeys.apiKey(view.id))

    await bed.fixture.service.disconnect(view.id)

    expect(keychainAccounts()).not.toContain(secretKeys.apiKey(view.id))
    expect(await bed.fixture.service.list()).toEqual([])
  })
})
