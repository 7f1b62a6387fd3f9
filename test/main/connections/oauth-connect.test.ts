import { describe, expect, it } from 'vitest'
import { secretKeys } from '../../../src/main/connections/connection-record'
import { signInAndCaptureRedirect } from '../../support/browser-sign-in'
import { callbackLinkFrom } from '../../support/connections-fixture'
import { useOAuthTestBed } from '../../support/oauth-test-bed'
import { startOidcServer } from '../../support/oidc-server'

const bed = useOAuthTestBed()

const startGenericFlow = (connectionId?: string) =>
  bed.fixture.service.startOAuth({
    providerId: 'oauth2',
    connectionId,
    server: { issuer: bed.oidc.issuer },
    clientId: bed.oidc.clientId,
  })

const signIn = async (decision: 'allow' | 'deny' = 'allow') => {
  const authorizeUrl = await bed.fixture.nextOpenedUrl()
  const page = await bed.context.newPage()
  const redirect = await signInAndCaptureRedirect(page, authorizeUrl, {
    user: bed.oidc.user,
    decision,
  })
  await page.close()
  return { authorizeUrl, link: callbackLinkFrom(redirect) }
}

const connect = async () => {
  const { flowId } = await startGenericFlow()
  const { link } = await signIn()
  expect(await bed.fixture.service.handleOAuthCallback(link)).toBe(true)
  const ended = await bed.fixture.flowEnd(flowId)
  expect(ended.outcome).toBe('connected')
  return { connectionId: ended.connectionId ?? '', link }
}

describe('connecting through OAuth in the system browser', () => {
  it('opens an authorization code request with PKCE S256 and a high-entropy state', async () => {
    await startGenericFlow()
    const url = new URL(await bed.fixture.nextOpenedUrl())

    expect(url.origin).toBe(bed.oidc.issuer)
    expect(url.searchParams.get('response_type')).toBe('code')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('redirect_uri')).toBe('com.allv.desktop:/oauth/oauth2')
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(43)
  })

  it('turns the tile connected with the account, tokens only in the keychain', async () => {
    const { connectionId } = await connect()

    const [view] = await bed.fixture.service.list()
    expect(view).toMatchObject({
      id: connectionId,
      status: 'connected',
      account: 'ada@example.test',
      authKind: 'oauth2',
    })
    const tokens = JSON.parse(
      (await bed.fixture.secrets.get(secretKeys.tokens(connectionId))) ?? '{}',
    )
    expect(tokens.accessToken).toEqual(expect.any(String))
    expect(tokens.refreshToken).toEqual(expect.any(String))
    expect(bed.fixture.dataFilesText()).not.toContain(tokens.accessToken)
    expect(bed.fixture.dataFilesText()).not.toContain(tokens.refreshToken)

    const credentials = await bed.fixture.service.credentialsFor(connectionId)
    const answer = await fetch(bed.oidc.resourceUrl, { headers: credentials.headers })
    expect(answer.status).toBe(200)
  })

  it('refuses an unknown state, and the same callback replayed twice', async () => {
    const { link } = await connect()
    const before = bed.fixture.dataFilesText()

    const forged = { ...link, state: 'not-a-state-allv-issued' }
    expect(await bed.fixture.service.handleOAuthCallback(forged)).toBe(false)
    expect(await bed.fixture.service.handleOAuthCallback(link)).toBe(false)
    expect(await bed.fixture.service.handleOAuthCallback(link)).toBe(false)

    expect(bed.fixture.dataFilesText()).toBe(before)
    expect(bed.fixture.logLines.join('\n')).toContain('matches no pending flow')
  })

  it("leaves a flow waiting when its state arrives on another provider's path", async () => {
    const { flowId } = await startGenericFlow()
    const { link } = await signIn()

    expect(await bed.fixture.service.handleOAuthCallback({ ...link, providerId: 'github' })).toBe(
      false,
    )
    expect(await bed.fixture.service.handleOAuthCallback(link)).toBe(true)
    expect((await bed.fixture.flowEnd(flowId)).outcome).toBe('connected')
  })

  it('ends as cancelled on access_denied, keeping the previous connection', async () => {
    const { connectionId } = await connect()
    const before = await bed.fixture.service.list()

    const { flowId } = await startGenericFlow(connectionId)
    const { link } = await signIn('deny')
    expect(link.params.get('error')).toBe('access_denied')
    expect(await bed.fixture.service.handleOAuthCallback(link)).toBe(true)

    const ended = await bed.fixture.flowEnd(flowId)
    expect(ended).toMatchObject({ outcome: 'cancelled', connectionId })
    expect(ended.message).toMatch(/nothing changed/)
    expect(await bed.fixture.service.list()).toEqual(before)
  })

  it('ends a cancelled flow so that its late redirect matches nothing', async () => {
    const { flowId } = await startGenericFlow()
    const { link } = await signIn()
    bed.fixture.service.cancelOAuth(flowId)

    expect((await bed.fixture.flowEnd(flowId)).outcome).toBe('cancelled')
    expect(await bed.fixture.service.handleOAuthCallback(link)).toBe(false)
    expect(await bed.fixture.service.list()).toEqual([])
  })

  it('refuses a redirect whose iss names another server (RFC 9207) and saves nothing', async () => {
    const { flowId } = await startGenericFlow()
    const { link } = await signIn()
    expect(link.params.get('iss')).toBe(bed.oidc.issuer)
    link.params.set('iss', 'https://attacker.example')

    expect(await bed.fixture.service.handleOAuthCallback(link)).toBe(true)

    expect((await bed.fixture.flowEnd(flowId)).outcome).toBe('failed')
    expect(await bed.fixture.service.list()).toEqual([])
  })

  it('stops honouring a state after ten minutes', async () => {
    const { flowId } = await startGenericFlow()
    const state = new URL(await bed.fixture.nextOpenedUrl()).searchParams.get('state') ?? ''
    bed.fixture.clock.skewMs = 10 * 60_000 + 1

    const late = { kind: 'oauth-callback' as const, providerId: 'oauth2', state }
    const params = new URLSearchParams({ code: 'late-code', state })
    expect(await bed.fixture.service.handleOAuthCallback({ ...late, params })).toBe(false)

    expect(await bed.fixture.flowEnd(flowId)).toMatchObject({ outcome: 'failed' })
  })

  it('re-checks a connection through userinfo and keeps it connected', async () => {
    const { connectionId } = await connect()

    const checked = await bed.fixture.service.check(connectionId)

    expect(checked).toMatchObject({ status: 'connected', account: 'ada@example.test' })
  })

  it('says plainly when the issuer cannot be reached, and saves nothing', async () => {
    const closed = await startOidcServer()
    await closed.close()

    const attempt = bed.fixture.service.startOAuth({
      providerId: 'oauth2',
      server: { issuer: closed.issuer },
      clientId: 'anything',
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'ISSUER_UNREACHABLE',
      message: expect.stringContaining(closed.issuer),
    })
    expect(await bed.fixture.service.list()).toEqual([])
  })

  it('says plainly when the issuer serves no usable metadata, and saves nothing', async () => {
    const notAnIssuer = new URL(bed.oidc.resourceUrl).origin

    const attempt = bed.fixture.service.startOAuth({
      providerId: 'oauth2',
      server: { issuer: notAnIssuer },
      clientId: 'anything',
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'ISSUER_INVALID',
      message: expect.stringContaining(notAnIssuer),
    })
    expect(await bed.fixture.service.list()).toEqual([])
  })
})
