import { randomBytes } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { secretKeys } from '../../../src/main/connections/connection-record'
import { connectThroughBrowser } from '../../support/connect-through-browser'
import { keychainAccounts } from '../../support/keychain'
import { useOAuthTestBed } from '../../support/oauth-test-bed'

let connectionId: string
let planted: string
const payloads: unknown[] = []

const bed = useOAuthTestBed()

beforeEach(async () => {
  payloads.length = 0
  const { ended } = await connectThroughBrowser(bed.browserConnect())
  connectionId = ended.connectionId ?? ''
  bed.fixture.service.onChanged((views) => payloads.push(views))
  // A bare token where the app keeps JSON, as an older version or a hand edit leaves it.
  planted = `ya29.CANARY-${randomBytes(16).toString('hex')}`
  await bed.fixture.secrets.set(secretKeys.tokens(connectionId), planted)
})

/** A JSON.parse error quotes the first ten characters; five already say which token it was. */
const expectNoPrefixOfThePlantedSecret = (text: string) => {
  expect(text).not.toContain(planted.slice(0, 5))
}

describe('a connection whose saved sign-in cannot be read', () => {
  it('can still be disconnected: secrets and record deleted, revocation skipped', async () => {
    const revocations = bed.oidc.hits('/token/revocation')

    await bed.fixture.service.disconnect(connectionId)

    expect(await bed.fixture.service.list()).toEqual([])
    expect(bed.fixture.store.get('connections')).toEqual({})
    expect(keychainAccounts()).not.toContain(secretKeys.tokens(connectionId))
    expect(bed.oidc.hits('/token/revocation')).toBe(revocations)
    const logs = bed.fixture.logLines.join('\n')
    expect(logs).toContain('Revocation skipped: the saved sign-in could not be read')
    expectNoPrefixOfThePlantedSecret(logs)
    expectNoPrefixOfThePlantedSecret(JSON.stringify(payloads))
  })

  it('is marked "needs reconnect" with a plain problem when asked for credentials', async () => {
    const attempt = bed.fixture.service.credentialsFor(connectionId)

    await expect(attempt).rejects.toMatchObject({ code: 'NEEDS_RECONNECT' })
    const error = await attempt.catch((caught: Error) => caught)
    const [view] = await bed.fixture.service.list()
    expect(view).toMatchObject({
      id: connectionId,
      status: 'needsReconnect',
      problem: 'The saved sign-in could not be read; reconnect to repair it.',
    })
    expect(payloads).toHaveLength(1)
    await expect(bed.fixture.service.check(connectionId)).resolves.toMatchObject({
      status: 'needsReconnect',
    })
    expectNoPrefixOfThePlantedSecret(bed.fixture.logLines.join('\n'))
    expectNoPrefixOfThePlantedSecret(`${String(error)} ${JSON.stringify(payloads)}`)
    expectNoPrefixOfThePlantedSecret(bed.fixture.dataFilesText())
  })

  it('is repaired in place by reconnecting', async () => {
    await bed.fixture.service.credentialsFor(connectionId).catch(() => undefined)

    const { ended } = await connectThroughBrowser(bed.browserConnect({ connectionId }))

    expect(ended).toMatchObject({ outcome: 'connected', connectionId })
    const credentials = await bed.fixture.service.credentialsFor(connectionId)
    expect((await fetch(bed.oidc.resourceUrl, { headers: credentials.headers })).status).toBe(200)
  })
})
