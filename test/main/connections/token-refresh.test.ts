import { beforeEach, describe, expect, it } from 'vitest'
import { secretKeys, type StoredTokens } from '../../../src/main/connections/connection-record'
import { createSystemSecretStore } from '../../../src/main/secrets/keytar-secret-store'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import { connectThroughBrowser } from '../../support/connect-through-browser'
import { useOAuthTestBed } from '../../support/oauth-test-bed'

let connectionId: string
const keychainEvents: string[] = []

/** The real keychain, noting each write so a test can see when tokens were stored. */
const recordingKeychain = (): SecretStore => {
  const real = createSystemSecretStore()
  return {
    get: (key) => real.get(key),
    delete: (key) => real.delete(key),
    set: async (key, value) => {
      await real.set(key, value)
      keychainEvents.push(`set ${key}`)
    },
  }
}

const bed = useOAuthTestBed({ fixture: () => ({ secrets: recordingKeychain() }) })

const storedTokens = async (): Promise<StoredTokens> =>
  JSON.parse((await bed.fixture.secrets.get(secretKeys.tokens(connectionId))) ?? 'null')

const resourceStatus = async (headers: Record<string, string>) =>
  (await fetch(bed.oidc.resourceUrl, { headers })).status

/** Moves the clock to 30 s before the access token expires, inside the refresh margin. */
const nearExpiry = () => {
  bed.fixture.clock.skewMs += 3600_000 - 30_000
}

beforeEach(async () => {
  keychainEvents.length = 0
  const { ended } = await connectThroughBrowser(bed.browserConnect())
  connectionId = ended.connectionId ?? ''
})

describe('access tokens of an OAuth connection', () => {
  it('are used as they are while far from expiry', async () => {
    const before = bed.oidc.hits('/token')
    const credentials = await bed.fixture.service.credentialsFor(connectionId)

    expect(bed.oidc.hits('/token')).toBe(before)
    expect(credentials.headers.Authorization).toBe(`Bearer ${(await storedTokens()).accessToken}`)
  })

  it('are refreshed ahead of expiry, the new pair stored before it is handed out', async () => {
    const old = await storedTokens()
    nearExpiry()
    keychainEvents.length = 0

    const hits = bed.oidc.hits('/token')
    const credentials = await bed.fixture.service.credentialsFor(connectionId)
    keychainEvents.push('credentials returned')

    expect(bed.oidc.hits('/token')).toBe(hits + 1)
    expect(keychainEvents).toEqual([
      `set ${secretKeys.tokens(connectionId)}`,
      'credentials returned',
    ])
    const stored = await storedTokens()
    expect(credentials.headers.Authorization).toBe(`Bearer ${stored.accessToken}`)
    expect(stored.accessToken).not.toBe(old.accessToken)
    expect(stored.refreshToken).not.toBe(old.refreshToken)
    expect(await resourceStatus(credentials.headers)).toBe(200)
  })

  it('are refreshed once after a 401', async () => {
    const old = await storedTokens()
    const hits = bed.oidc.hits('/token')

    const credentials = await bed.fixture.service.credentialsFor(connectionId, {
      afterUnauthorized: true,
    })

    expect(bed.oidc.hits('/token')).toBe(hits + 1)
    expect(credentials.headers.Authorization).not.toBe(`Bearer ${old.accessToken}`)
    expect(await resourceStatus(credentials.headers)).toBe(200)
  })

  it('refreshes once when two steps see an expired token at the same time', async () => {
    nearExpiry()
    const hits = bed.oidc.hits('/token')

    const [first, second] = await Promise.all([
      bed.fixture.service.credentialsFor(connectionId),
      bed.fixture.service.credentialsFor(connectionId),
    ])

    expect(bed.oidc.hits('/token')).toBe(hits + 1)
    expect(first).toEqual(second)
    expect(await resourceStatus(first.headers)).toBe(200)
  })

  it('refreshes once when two steps get a 401 at the same time', async () => {
    const hits = bed.oidc.hits('/token')

    const [first, second] = await Promise.all([
      bed.fixture.service.credentialsFor(connectionId, { afterUnauthorized: true }),
      bed.fixture.service.credentialsFor(connectionId, { afterUnauthorized: true }),
    ])

    expect(bed.oidc.hits('/token')).toBe(hits + 1)
    expect(first).toEqual(second)
    expect(await resourceStatus(first.headers)).toBe(200)
  })

  it('keep working after a restart because the rotated refresh token was persisted', async () => {
    nearExpiry()
    await bed.fixture.service.credentialsFor(connectionId)

    const restarted = bed.fixture.restart()
    nearExpiry()
    const credentials = await restarted.credentialsFor(connectionId)

    expect(await resourceStatus(credentials.headers)).toBe(200)
    expect((await restarted.list())[0]?.status).toBe('connected')
  })

  it('mark the connection "needs reconnect" when the refresh answers invalid_grant', async () => {
    const spent = await storedTokens()
    await bed.fixture.service.credentialsFor(connectionId, { afterUnauthorized: true })
    // A lost rotation: the spent refresh token comes back, and the provider kills the grant.
    await bed.fixture.secrets.set(secretKeys.tokens(connectionId), JSON.stringify(spent))
    const changes: string[] = []
    bed.fixture.service.onChanged((views) => changes.push(views[0]?.status ?? 'none'))

    const attempt = bed.fixture.service.credentialsFor(connectionId, { afterUnauthorized: true })

    await expect(attempt).rejects.toMatchObject({ code: 'NEEDS_RECONNECT' })
    const [view] = await bed.fixture.service.list()
    expect(view?.status).toBe('needsReconnect')
    expect(view?.problem).toMatch(/Reconnect/)
    expect(changes).toEqual(['needsReconnect'])
    await expect(bed.fixture.service.credentialsFor(connectionId)).rejects.toMatchObject({
      code: 'NEEDS_RECONNECT',
    })
  })

  it('are repaired in place by reconnecting: same connection id, connected again', async () => {
    const spent = await storedTokens()
    await bed.fixture.service.credentialsFor(connectionId, { afterUnauthorized: true })
    await bed.fixture.secrets.set(secretKeys.tokens(connectionId), JSON.stringify(spent))
    await bed.fixture.service
      .credentialsFor(connectionId, { afterUnauthorized: true })
      .catch(() => {})
    const [broken] = await bed.fixture.service.list()

    const { ended } = await connectThroughBrowser(bed.browserConnect({ connectionId }))

    expect(ended).toMatchObject({ outcome: 'connected', connectionId })
    const views = await bed.fixture.service.list()
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ id: connectionId, status: 'connected', problem: null })
    expect(views[0]?.createdAt).toBe(broken?.createdAt)
    const credentials = await bed.fixture.service.credentialsFor(connectionId)
    expect(await resourceStatus(credentials.headers)).toBe(200)
  })
})
