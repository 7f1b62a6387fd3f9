import * as oauth from 'oauth4webapi'
import { secretKeys, type ConnectionRecord } from './connection-record'
import type { ConnectionsContext } from './connections-context'
import { clientAuthFor, oauthErrorCode, toAuthorizationServer, wireOptions } from './oauth-wire'
import { readStoredTokens } from './stored-tokens'

/**
 * RFC 7009 §2.1: revokes the refresh token, then the access token, with a hint for each.
 * Revoking both rather than trusting the server to cascade is deliberate: §2.1 lets a server
 * keep access tokens alive after their refresh token is revoked.
 */
const revokeAtProvider = async (context: ConnectionsContext, record: ConnectionRecord) => {
  const settings = record.oauth
  if (!settings?.server.revocationEndpoint) return
  const read = await readStoredTokens(context.registry, record.id)
  if (read.kind === 'unreadable') {
    // Without the tokens there is nothing to revoke: the provider keeps the grant until it
    // expires or the person revokes it in the provider's own settings.
    context.logger.warn('Revocation skipped: the saved sign-in could not be read', {
      connectionId: record.id,
      providerId: record.providerId,
    })
  }
  if (read.kind !== 'ok') return

  const { tokens } = read
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
