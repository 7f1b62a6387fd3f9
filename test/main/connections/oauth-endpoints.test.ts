import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createOpenExternalSafely } from '../../../src/main/desktop/open-external'
import { AllvError } from '../../../src/main/platform/errors'
import { silentLogger } from '../../../src/main/platform/logger'
import {
  createConnectionsFixture,
  type ConnectionsFixture,
  type ConnectionsFixtureOptions,
} from '../../support/connections-fixture'

let fixture: ConnectionsFixture | undefined
let metadataServer: Server | undefined
/** Every request the service tried to send; these tests expect none to leave. */
const sent: string[] = []

const build = (options: ConnectionsFixtureOptions = {}) => {
  sent.length = 0
  fixture = createConnectionsFixture({
    fetch: async (input) => {
      sent.push(String(input))
      throw new Error('This test lets no request leave the process')
    },
    ...options,
  })
  return fixture
}

afterEach(async () => {
  await fixture?.close()
  metadataServer?.close()
  metadataServer = undefined
})

const typed = (endpoints: Record<string, string>) => ({
  providerId: 'oauth2',
  clientId: 'client',
  server: {
    authorizationEndpoint: 'https://auth.example/authorize',
    tokenEndpoint: 'https://auth.example/token',
    ...endpoints,
  },
})

describe('endpoints of an OAuth server', () => {
  it.each(['http://allv-test.invalid/', 'http://10.255.255.1/'])(
    'refuse the plain-http issuer %s as needing https, before any request',
    async (issuer) => {
      const { service } = build()

      const attempt = service.startOAuth({
        providerId: 'oauth2',
        clientId: 'c',
        server: { issuer },
      })

      await expect(attempt).rejects.toMatchObject({
        code: 'ISSUER_INVALID',
        message: expect.stringContaining('must use https'),
      })
      expect(sent).toEqual([])
    },
  )

  it.each([
    ['authorization', { authorizationEndpoint: 'http://evil.example/auth' }],
    ['token', { tokenEndpoint: 'http://evil.example/token' }],
    ['userinfo', { userinfoEndpoint: 'http://evil.example/userinfo' }],
    ['revocation', { revocationEndpoint: 'http://evil.example/revoke' }],
  ])('refuse a typed plain-http %s endpoint before the browser opens', async (name, endpoint) => {
    const { service, openedUrls } = build()

    const attempt = service.startOAuth(typed(endpoint))

    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        new RegExp(`^The ${name} endpoint http://evil\\.example/\\w+ must use https`),
      ),
    })
    expect(openedUrls).toEqual([])
    expect(sent).toEqual([])
  })

  it.each(['http://127.0.0.2:9', 'http://[::1]:9', 'http://localhost:9'])(
    'accept plain http on this computer (%s), which never leaves it',
    async (origin) => {
      const opened = build()
      const { service } = opened
      const all = ['authorization', 'token', 'userinfo', 'revocation'].map((name) => [
        `${name}Endpoint`,
        `${origin}/${name}`,
      ])

      const { flowId } = await service.startOAuth(typed(Object.fromEntries(all)))

      expect(new URL(await opened.nextOpenedUrl()).origin).toBe(origin)
      service.cancelOAuth(flowId)
    },
  )

  it('refuse a discovered plain-http token endpoint elsewhere, naming it', async () => {
    let issuer = ''
    metadataServer = createServer((_request, response) => {
      const metadata = {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: 'http://evil.example/token',
      }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(metadata))
    })
    await new Promise<void>((resolve) => metadataServer?.listen(0, '127.0.0.1', resolve))
    issuer = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}`
    const { service, openedUrls } = build({ fetch: globalThis.fetch })

    const attempt = service.startOAuth({ providerId: 'oauth2', clientId: 'c', server: { issuer } })

    await expect(attempt).rejects.toMatchObject({
      code: 'ISSUER_INVALID',
      message: expect.stringContaining('The token endpoint http://evil.example/token must use'),
    })
    expect(openedUrls).toEqual([])
  })
})

describe('opening the sign-in page', () => {
  it("passes on the app's URL guard's reason instead of an internal error", async () => {
    const guard = createOpenExternalSafely(async () => {}, silentLogger)
    const { service, openedUrls } = build({ openExternal: guard })
    // https, so the endpoint check passes; user info in the URL is what the guard refuses.
    const disguised = { authorizationEndpoint: 'https://someone@auth.example/authorize' }

    const attempt = service.startOAuth(typed(disguised))

    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('allv only opens https:// links in your browser.'),
    })
    expect(openedUrls).toHaveLength(1)
  })

  it('says to check the default browser when the system cannot open one', async () => {
    const noBrowser = async () => {
      throw new Error('spawn xdg-open ENOENT')
    }
    const { service } = build({ openExternal: noBrowser })

    const attempt = service.startOAuth(typed({}))

    await expect(attempt).rejects.toBeInstanceOf(AllvError)
    await expect(attempt).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      message: expect.stringContaining('default browser'),
    })
  })
})
