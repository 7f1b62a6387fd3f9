import * as oauth from 'oauth4webapi'
import { AllvError } from '../platform/errors'
import {
  secretKeys,
  type ConnectionRecord,
  type OAuthConnectionSettings,
  type StoredTokens,
} from './connection-record'
import type { ConnectionsContext } from './connections-context'
import {
  clientAuthFor,
  isNetworkFailure,
  oauthErrorCode,
  toAuthorizationServer,
  wireOptions,
} from './oauth-wire'
import { encodeStoredTokens, readStoredTokens } from './stored-tokens'
import { expiresAtFrom, REFRESH_MARGIN_MS } from './token-lifetime'

/** Hands out access tokens, refreshing them when they are due or were just refused. */
export interface TokenRefresher {
  accessTokenFor(connectionId: string, afterUnauthorized: boolean): Promise<string>
}

interface Flight {
  promise: Promise<string>
  refreshing: boolean
}

const needsReconnect = (record: ConnectionRecord) =>
  new AllvError(
    'NEEDS_RECONNECT',
    record.problem ?? `"${record.label}" needs to be reconnected before it can be used.`,
  )

/**
 * Builds the refresher. Work for one connection is single-flight: callers that arrive while
 * a refresh runs share its result, because with rotating refresh tokens (RFC 9700 §4.14.2) a
 * second refresh would present a token the first one already spent, and the provider would
 * revoke the whole grant.
 */
export function createTokenRefresher(context: ConnectionsContext): TokenRefresher {
  const flights = new Map<string, Flight>()

  const markNeedsReconnect = (record: ConnectionRecord, problem: string) => {
    const updated = context.registry.update(record.id, {
      status: 'needsReconnect',
      problem,
      updatedAt: context.nowIso(),
    })
    context.logger.warn('Connection needs reconnect', {
      connectionId: record.id,
      providerId: record.providerId,
    })
    context.notifyChanged()
    return needsReconnect(updated)
  }

  const readTokens = async (record: ConnectionRecord): Promise<StoredTokens> => {
    const read = await readStoredTokens(context.registry, record.id)
    if (read.kind === 'ok') return read.tokens
    // Either way only a new sign-in can help; reconnecting overwrites the entry in place.
    throw markNeedsReconnect(
      record,
      read.kind === 'missing'
        ? 'Its sign-in is missing from the keychain. Reconnect.'
        : 'The saved sign-in could not be read; reconnect to repair it.',
    )
  }

  /** RFC 6749 §6; the new pair reaches the keychain before anyone uses it. */
  const refresh = async (
    record: ConnectionRecord,
    settings: OAuthConnectionSettings,
    refreshToken: string,
  ): Promise<string> => {
    const entry = context.catalog.requireOAuth(record.providerId)
    const server = toAuthorizationServer(settings.server)
    const client = { client_id: settings.clientId }
    const secret = settings.hasClientSecret
      ? await context.registry.readSecret(secretKeys.clientSecret(record.id))
      : null

    let answer: oauth.TokenEndpointResponse
    try {
      const response = await oauth.refreshTokenGrantRequest(
        server,
        client,
        clientAuthFor(entry.auth.clientAuth, secret),
        refreshToken,
        wireOptions(context.fetch, settings.server.tokenEndpoint, {
          shape: entry.auth.tokenResponse,
          headers: entry.auth.tokenRequestHeaders,
        }),
      )
      answer = await oauth.processRefreshTokenResponse(server, client, response)
    } catch (error) {
      // RFC 6749 §5.2: invalid_grant means the refresh token is dead; only a new sign-in helps.
      if (oauthErrorCode(error) === 'invalid_grant') {
        throw markNeedsReconnect(
          record,
          `${entry.name} no longer accepts this connection's sign-in. Reconnect to repair it.`,
        )
      }
      const offline = isNetworkFailure(error)
      throw new AllvError(
        offline ? 'NETWORK_UNAVAILABLE' : 'TOKEN_EXCHANGE_FAILED',
        offline
          ? `Could not reach ${entry.name} to renew access; check your connection.`
          : `${entry.name} did not renew access (${oauthErrorCode(error) ?? 'bad answer'}).`,
        { cause: error },
      )
    }

    // RFC 6749 §6: the server may keep the old refresh token, or rotate it.
    const next: StoredTokens = {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? refreshToken,
    }
    await context.registry.writeSecret(secretKeys.tokens(record.id), encodeStoredTokens(next))
    context.registry.update(record.id, {
      status: 'connected',
      problem: null,
      updatedAt: context.nowIso(),
      oauth: { ...settings, expiresAt: expiresAtFrom(answer, context.clock) },
    })
    if (record.status !== 'connected') context.notifyChanged()
    context.logger.info('Access token refreshed', {
      connectionId: record.id,
      providerId: record.providerId,
      rotated: answer.refresh_token !== undefined,
    })
    return next.accessToken
  }

  const resolve = async (connectionId: string, force: boolean, flight: Flight) => {
    const record = context.registry.require(connectionId)
    if (!record.oauth) throw new AllvError('INVALID_INPUT', 'That connection uses an API key.')
    if (record.status === 'needsReconnect') throw needsReconnect(record)

    const tokens = await readTokens(record)
    const due = force || record.oauth.expiresAt - context.clock.now() <= REFRESH_MARGIN_MS
    if (!due) return tokens.accessToken

    if (tokens.refreshToken === null) {
      // Without a refresh token the old access token is all there is; some never expire
      // (GitHub OAuth apps), so it is used until the provider refuses it.
      if (!force) return tokens.accessToken
      throw markNeedsReconnect(record, `${record.label} refused its access token. Reconnect.`)
    }
    flight.refreshing = true
    return refresh(record, record.oauth, tokens.refreshToken)
  }

  const accessTokenFor = async (connectionId: string, force: boolean): Promise<string> => {
    const running = flights.get(connectionId)
    if (running) {
      if (running.refreshing || !force) return running.promise
      // A plain read is under way; after a 401 its answer is stale, so refresh after it.
      await running.promise.catch(() => undefined)
      return accessTokenFor(connectionId, force)
    }

    // A forced call always refreshes, so callers arriving meanwhile can share it at once.
    const flight: Flight = { promise: Promise.resolve(''), refreshing: force }
    flight.promise = resolve(connectionId, force, flight).finally(() => {
      if (flights.get(connectionId) === flight) flights.delete(connectionId)
    })
    flights.set(connectionId, flight)
    return flight.promise
  }

  return { accessTokenFor }
}
