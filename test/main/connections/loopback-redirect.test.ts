import { describe, expect, it } from 'vitest'
import { defaultCatalogEntries } from '../../../src/main/connections'
import type { CatalogEntry } from '../../../src/main/connections'
import { signInAndCaptureRedirect } from '../../support/browser-sign-in'
import { useOAuthTestBed } from '../../support/oauth-test-bed'

/** The generic entry, redirecting to loopback as the Google entry does. */
const loopbackCatalog: CatalogEntry[] = defaultCatalogEntries.map((entry) =>
  entry.id === 'oauth2' && entry.auth.kind === 'oauth2'
    ? { ...entry, auth: { ...entry.auth, redirect: { kind: 'loopback', host: '127.0.0.1' } } }
    : entry,
)

const bed = useOAuthTestBed({ fixture: () => ({ catalog: loopbackCatalog }) })

describe('the loopback redirect', () => {
  it('receives the redirect on an ephemeral 127.0.0.1 port, then closes', async () => {
    const { fixture, oidc, context } = bed
    const { flowId } = await fixture.service.startOAuth({
      providerId: 'oauth2',
      server: { issuer: oidc.issuer },
      clientId: oidc.clientId,
    })
    const authorizeUrl = await fixture.nextOpenedUrl()
    const redirectUri = new URL(authorizeUrl).searchParams.get('redirect_uri') ?? ''
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/oauth2$/)

    const page = await context.newPage()
    await signInAndCaptureRedirect(page, authorizeUrl, {
      user: oidc.user,
      redirectPrefix: redirectUri,
    })
    const ended = await fixture.flowEnd(flowId)
    await page.getByText('You can close this tab').waitFor()

    expect(ended.outcome).toBe('connected')
    expect((await fixture.service.list())[0]?.account).toBe('ada@example.test')
    await expect(fetch(redirectUri)).rejects.toThrow()
    await page.close()
  })
})
