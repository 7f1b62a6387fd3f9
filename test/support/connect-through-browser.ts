import type { BrowserContext } from 'playwright-core'
import type { OAuthFlowEnded } from '../../src/shared/connections'
import type { OAuthCallbackLink } from '../../src/main/deep-links'
import { signInAndCaptureRedirect } from './browser-sign-in'
import { callbackLinkFrom, type ConnectionsFixture } from './connections-fixture'
import type { OidcServer } from './oidc-server'

/** One run of the generic OAuth entry against the test provider, start to end. */
export interface BrowserConnect {
  fixture: ConnectionsFixture
  oidc: OidcServer
  browser: BrowserContext
  connectionId?: string
  decision?: 'allow' | 'deny'
}

/** Starts a generic OAuth flow and clicks through the provider; resolves with the redirect. */
export async function signInForFlow(
  run: BrowserConnect,
): Promise<{ flowId: string; authorizeUrl: string; link: OAuthCallbackLink }> {
  const { flowId } = await run.fixture.service.startOAuth({
    providerId: 'oauth2',
    connectionId: run.connectionId,
    server: { issuer: run.oidc.issuer },
    clientId: run.oidc.clientId,
  })
  const authorizeUrl = await run.fixture.nextOpenedUrl()
  const page = await run.browser.newPage()
  const redirect = await signInAndCaptureRedirect(page, authorizeUrl, {
    user: run.oidc.user,
    decision: run.decision,
  })
  await page.close()
  return { flowId, authorizeUrl, link: callbackLinkFrom(redirect) }
}

/** Signs in, hands the redirect to the service as the deep-link entry point would, and waits. */
export async function connectThroughBrowser(
  run: BrowserConnect,
): Promise<{ ended: OAuthFlowEnded; link: OAuthCallbackLink }> {
  const { flowId, link } = await signInForFlow(run)
  const matched = await run.fixture.service.handleOAuthCallback(link)
  if (!matched) throw new Error('The redirect matched no pending flow')
  return { ended: await run.fixture.flowEnd(flowId), link }
}
