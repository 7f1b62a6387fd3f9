import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { secretKeys } from '../../../src/main/connections/connection-record'
import { launchChromium, signInAndCaptureRedirect } from '../../support/browser-sign-in'
import {
  callbackLinkFrom,
  createConnectionsFixture,
  type ConnectionsFixture,
} from '../../support/connections-fixture'
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

const startGenericFlow = (connectionId?: string) =>
  fixture.service.startOAuth({
    providerId: 'oauth2',
    connectionId,
    server: { issuer: oidc.issuer },
    clientId: oidc.clientId,
  })

const signIn = async (decision: 'allow' | 'deny' = 'allow') => {
  const authorizeUrl = await fixture.nextOpenedUrl()
  const page = await context.newPage()
  const redirect = await signInAndCaptureRedirect(page, authorizeUrl, { user: oidc.user, decision })
  await page.close()
  return { authorizeUrl, link: callbackLinkFrom(redirect) }
}

const connect = async () => {
  const { flowId } = await startGenericFlow()
  const { link } = await signIn()
  expect(await fixture.service.handleOAuthCallback(link)).toBe(true)
  const ended = await fixture.flowEnd(flowId)
  expect(ended.outcome).toBe('connected')
  return { connectionId: ended.connectionId ?? '', link }
}

describe('connecting through OAuth in the system browser', () => {
  it('opens an authorization code request with PKCE S256 and a high-entropy state', async () => {
    await startGenericFlow()
    const url = new URL(await fixture.nextOpenedUrl())

    expect(url.origin).toBe(oidc.issuer)
    expect(url.searchParams.get('response_type')).toBe('code')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('redirect_uri')).toBe('com.allv.desktop:/oauth/oauth2')
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(43)
  })

  it('turns the tile connected with the account, tokens only in the keychain', async () => {
    const { connectionId } = await connect()

    const [view] = await fixture.service.list()
    expect(view).toMatchObject({
      id: connectionId,
      status: 'connected',
      account: 'ada@example.test',
      authKind: 'oauth2',
    })
    const tokens = JSON.parse((await fixture.secrets.get(secretKeys.tokens(connectionId))) ?? '{}')
    expect(tokens.accessToken).toEqual(expect.any(String))
    expect(tokens.refreshToken).toEqual(expect.any(String))
    expect(fixture.dataFilesText()).not.toContain(tokens.accessToken)
    expect(fixture.dataFilesText()).not.toContain(tokens.refreshToken)

    const credentials = await fixture.service.credentialsFor(connectionId)
    const answer = await fetch(oidc.resourceUrl, { headers: credentials.headers })
    expect(answer.status).toBe(200)
  })

  it('refuses an unknown state, and the same callback replayed twice', async () => {
    const { link } = await connect()
    const before = fixture.dataFilesText()

    const forged = { ...link, state: 'not-a-state-allv-issued' }
    expect(await fixture.service.handleOAuthCallback(forged)).toBe(false)
    expect(await fixture.service.handleOAuthCallback(link)).toBe(false)
    expect(await fixture.service.handleOAuthCallback(link)).toBe(false)

    expect(fixture.dataFilesText()).toBe(before)
    expect(fixture.logLines.join('\n')).toContain('matches no pending flow')
  })

  it("leaves a flow waiting when its state arrives on another provider's path", async () => {
    const { flowId } = await startGenericFlow()
    const { link } = await signIn()

    expect(await fixture.service.handleOAuthCallback({ ...link, providerId: 'github' })).toBe(false)
    expect(await fixture.service.handleOAuthCallback(link)).toBe(true)
    expect((await fixture.flowEnd(flowId)).outcome).toBe('connected')
  })

  it('ends as cancelled on access_denied, keeping the previous connection', async () => {
    const { connectionId } = await connect()
    const before = await fixture.service.list()

    const { flowId } = await startGenericFlow(connectionId)
    const { link } = await signIn('deny')
    expect(link.params.get('error')).toBe('access_denied')
    expect(await fixture.service.handleOAuthCallback(link)).toBe(true)

    const ended = await fixture.flowEnd(flowId)
    expect(ended).toMatchObject({ outcome: 'cancelled', connectionId })
    expect(ended.message).toMatch(/nothing changed/)
    expect(await fixture.service.list()).toEqual(before)
  })

  it('ends a cancelled flow so that its late redirect matches nothing', async () => {
    const { flowId } = await startGenericFlow()
    const { link } = await signIn()
    fixture.service.cancelOAuth(flowId)

    expect((await fixture.flowEnd(flowId)).outcome).toBe('cancelled')
    expect(await fixture.service.handleOAuthCallback(link)).toBe(false)
    expect(await fixture.service.list()).toEqual([])
  })

  it('refuses a redirect whose iss names another server (RFC 9207) and saves nothing', async () => {
    const { flowId } = await startGenericFlow()
    const { link } = await signIn()
    expect(link.params.get('iss')).toBe(oidc.issuer)
    link.params.set('iss', 'https://attacker.example')

    expect(await fixture.service.handleOAuthCallback(link)).toBe(true)

    expect((await fixture.flowEnd(flowId)).outcome).toBe('failed')
    expect(await fixture.service.list()).toEqual([])
  })

  it('stops honouring a state after ten minutes', async () => {
    const { flowId } = await startGenericFlow()
    const state = new URL(await fixture.nextOpenedUrl()).searchParams.get('state') ?? ''
    fixture.clock.skewMs = 10 * 60_000 + 1

    const late = { kind: 'oauth-callback' as const, providerId: 'oauth2', state }
    const params = new URLSearchParams({ code: 'late-code', state })
    expect(await fixture.service.handleOAuthCallback({ ...late, params })).toBe(false)

    expect(await fixture.flowEnd(flowId)).toMatchObject({ outcome: 'failed' })
  })

  it('re-checks a connection through userinfo and keeps it connected', async () => {
    const { connectionId } = await connect()

    const checked = await fixture.service.check(connectionId)

    expect(checked).toMatchObject({ status: 'connected', account: 'ada@example.test' })
  })

  it('says plainly when the issuer cannot be reached, and saves nothing', async () => {
    const closed = await startOidcServer()
    await closed.close()

    const attempt = fixture.service.startOAuth({
      providerId: 'oauth2',
      server: { issuer: closed.issuer },
      clientId: 'anything',
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'ISSUER_UNREACHABLE',
      message: expect.stringContaining(closed.issuer),
    })
    expect(await fixture.service.list()).toEqual([])
  })

  it('says plainly when the issuer serves no usable metadata, and saves nothing', async () => {
    const notAnIssuer = new URL(oidc.resourceUrl).origin

    const attempt = fixture.service.startOAuth({
      providerId: 'oauth2',
      server: { issuer: notAnIssuer },
      clientId: 'anything',
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'ISSUER_INVALID',
      message: expect.stringContaining(notAnIssuer),
    })
    expect(await fixture.service.list()).toEqual([])
  })
})
