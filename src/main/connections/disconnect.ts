import * as oauth from 'oauth4webapi'
import { secretKeys, type ConnectionRecord, type StoredTokens } from './connection-record'
import type { ConnectionsContext } from './connections-context'
import { clientAuthFor, oauthErrorCode, toAuthorizationServer, wireOptions } from './oauth-wire'

/**
 * RFC 7009 §2.1: revokes the refresh token, then the access token, with a hint for each.
 * Revoking both rather than trusting the server to cascade is deliberate: §2.1 lets a server
 * keep access tokens alive after their refresh token is revoked.
 */
const revokeAtProvider = async (context: ConnectionsContext, record: ConnectionRecord) => {
  const settings = record.oauth
  if (!settings?.server.revocationEndpoint) return
  const raw = await context.registry.readSecret(secretKeys.tokens(record.id))
  if (raw === null) return

  const tokens = JSON.parse(raw) as StoredTokens
  const entry = context.catalog.requireOAuth(record.providerId)
  const secret = settings.hasClientSecret
    ? await context.registry.readSecret(secretKeys.clientSecret(record.id))
    : null
  const server = toAuthorizationServer(settings.server)
  const client = { client_id: settings.clientId }
  const pairs: [string | null, string][] = [
    [tokens.refreshToken, 'refresh_token'],
    [tokens.accessToken, 'access_token'],
  ]

  for (const [token, hint] of pairs) {
    if (token === null) continue
    try {
      const response = await oauth.revocationRequest(
        server,
        client,
        clientAuthFor(entry.auth.clientAuth, secret),
        token,
        {
          additionalParameters: { token_type_hint: hint },
          ...wireOptions(context.fetch, settings.server.revocationEndpoint),
        },
      )
      await oauth.processRevocationResponse(response)
    } catch (error) {
      // The local secret is deleted either way; a token the provider keeps expires on its own.
      context.logger.warn('Revocation failed', {
        connectionId: record.id,
        providerId: record.providerId,
        hint,
        oauthError: oauthErrorCode(error),
        failure: error instanceof Error ? error.name : 'unknown',
      })
    }
  }
}

/** Revokes at the provider where it can, then deletes the keychain entries and the record. */
export async function disconnectConnection(
  context: ConnectionsContext,
  connectionId: string,
): Promise<void> {
  const record = context.registry.require(connectionId)
  await revokeAtProvider(context, record)
  await context.registry.remove(connectionId)
  context.logger.info('Connection removed', { connectionId, providerId: record.providerId })
  context.notifyChanged()
}
