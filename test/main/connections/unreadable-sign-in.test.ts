import { randomBytes } from 'node:crypto'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { secretKeys } from '../../../src/main/connections/connection-record'
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
let connectionId: string
let planted: string
const payloads: unknown[] = []

beforeAll(async () => {
  oidc = await startOidcServer()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await oidc?.close()
})
beforeEach(async () => {
  payloads.length = 0
  fixture = createConnectionsFixture()
  context = await browser.newContext()
  const { ended } = await connectThroughBrowser({ fixture, oidc, browser: context })
  connectionId = ended.connectionId ?? ''
  fixture.service.onChanged((views) => payloads.push(views))
  // A bare token where the app keeps JSON, as an older version or a hand edit leaves it.
  planted = `ya29.CANARY-${randomBytes(16).toString('hex')}`
  await fixture.secrets.set(secretKeys.tokens(connectionId), planted)
})
afterEach(async () => {
  await context.close()
  await fixture.close()
})

/** A JSON.parse error quotes the first ten characters; five already say which token it was. */
const expectNoPrefixOfThePlantedSecret = (text: string) => {
  expect(text).not.toContain(planted.slice(0, 5))
}

describe('a connection whose saved sign-in cannot be read', () => {
  it('can still be disconnected: secrets and record deleted, revocation skipped', async () => {
    const revocations = oidc.hits('/token/revocation')

    await fixture.service.disconnect(connectionId)

    expect(await fixture.service.list()).toEqual([])
    expect(fixture.store.get('connections')).toEqual({})
    expect(keychainAccounts()).not.toContain(secretKeys.tokens(connectionId))
    expect(oidc.hits('/token/revocation')).toBe(revocations)
    const logs = fixture.logLines.join('\n')
    expect(logs).toContain('Revocation skipped: the saved sign-in could not be read')
    expectNoPrefixOfThePlantedSecret(logs)
    expectNoPrefixOfThePlantedSecret(JSON.stringify(payloads))
  })

  it('is marked "needs reconnect" with a plain problem when asked for credentials', async () => {
    const attempt = fixture.service.credentialsFor(connectionId)

    await expect(attempt).rejects.toMatchObject({ code: 'NEEDS_RECONNECT' })
    const error = await attempt.catch((caught: Error) => caught)
    const [view] = await fixture.service.list()
    expect(view).toMatchObject({
      id: connectionId,
      status: 'needsReconnect',
      problem: 'The saved sign-in could not be read; reconnect to repair it.',
    })
    expect(payloads).toHaveLength(1)
    await expect(fixture.service.check(connectionId)).resolves.toMatchObject({
      status: 'needsReconnect',
    })
    expectNoPrefixOfThePlantedSecret(fixture.logLines.join('\n'))
    expectNoPrefixOfThePlantedSecret(`${String(error)} ${JSON.stringify(payloads)}`)
    expectNoPrefixOfThePlantedSecret(fixture.dataFilesText())
  })

  it('is repaired in place by reconnecting', async () => {
    await fixture.service.credentialsFor(connectionId).catch(() => undefined)

    const { ended } = await connectThroughBrowser({ fixture, oidc, browser: context, connectionId })

    expect(ended).toMatchObject({ outcome: 'connected', connectionId })
    const credentials = await fixture.service.credentialsFor(connectionId)
    expect((await fetch(oidc.resourceUrl, { headers: credentials.headers })).status).toBe(200)
  })
})
