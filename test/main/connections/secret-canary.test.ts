import { describe, expect, it } from 'vitest'
import { secretKeys, type StoredTokens } from '../../../src/main/connections/connection-record'
import { connectThroughBrowser } from '../../support/connect-through-browser'
import { useOAuthTestBed } from '../../support/oauth-test-bed'

const canaryKey = 'canary-api-key-7f3e9b1c5a2d4e6f'
const canaryClientSecret = 'canary-client-secret-0c1d2e3f'

/** RFC 7636 §4.5: the verifiers the token endpoint received, read from the request bodies. */
const verifiers: string[] = []
const fetchNotingVerifiers: typeof fetch = (input, init) => {
  const verifier = init?.body instanceof URLSearchParams ? init.body.get('code_verifier') : null
  if (verifier !== null) verifiers.push(verifier)
  return fetch(input, init)
}

const bed = useOAuthTestBed({
  server: { apiKey: canaryKey },
  fixture: () => ({ fetch: fetchNotingVerifiers }),
})

describe('secrets stay in the keychain', () => {
  it('keeps tokens, keys, codes, verifiers, client secrets from files, logs and UI', async () => {
    const { fixture, oidc } = bed
    const payloads: unknown[] = []
    fixture.service.onChanged((views) => payloads.push(views))
    fixture.service.onFlowEnded((event) => payloads.push(event))
    const planted = [canaryKey, canaryClientSecret]
    const plantTokens = async (connectionId: string) => {
      const raw = await fixture.secrets.get(secretKeys.tokens(connectionId))
      const tokens = JSON.parse(raw ?? 'null') as StoredTokens
      planted.push(tokens.accessToken, tokens.refreshToken ?? 'no refresh token')
    }

    const { ended, link } = await connectThroughBrowser(bed.browserConnect())
    const connectionId = ended.connectionId ?? ''
    planted.push(link.params.get('code') ?? 'no code', link.state)
    expect(verifiers).toHaveLength(1)
    planted.push(...verifiers)
    await plantTokens(connectionId)
    await fixture.service.credentialsFor(connectionId, { afterUnauthorized: true })
    await plantTokens(connectionId)
    payloads.push(await fixture.service.check(connectionId))

    const { headerName, prefix, baseUrl, url } = oidc.apiKeyServer
    const keyed = { headerName, prefix, baseUrl, testUrl: url }
    payloads.push(
      await fixture.service.connectApiKey({
        providerId: 'apikey',
        apiKey: canaryKey,
        settings: keyed,
      }),
    )
    const refused = `${canaryKey}-but-wrong`
    payloads.push(
      await fixture.service
        .connectApiKey({ providerId: 'apikey', apiKey: refused, settings: keyed })
        .catch((error: Error) => error.message),
    )
    const { flowId } = await fixture.service.startOAuth({
      providerId: 'oauth2',
      server: { issuer: oidc.issuer },
      clientId: oidc.clientId,
      clientSecret: canaryClientSecret,
    })
    fixture.service.cancelOAuth(flowId)
    payloads.push(await fixture.service.list(), fixture.service.listCatalog())

    const files = fixture.dataFilesText()
    const logs = fixture.logLines.join('\n')
    const renderer = JSON.stringify(payloads)
    expect(files.length).toBeGreaterThan(0)
    expect(logs.length).toBeGreaterThan(0)
    for (const secret of planted) {
      expect(secret.length).toBeGreaterThan(8)
      expect(files).not.toContain(secret)
      expect(logs).not.toContain(secret)
      expect(renderer).not.toContain(secret)
    }

    for (const view of await fixture.service.list()) await fixture.service.disconnect(view.id)
  })
})
