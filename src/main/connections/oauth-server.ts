import type { StartOAuthRequest } from '../../shared/connections'
import { AllvError } from '../platform/errors'
import type { OAuthCatalogEntry, OAuthSettings } from './catalog-types'
import type { ConnectionRecord, StoredOAuthServer } from './connection-record'
import type { ConnectionsContext } from './connections-context'
import { requireSecureEndpoints } from './endpoint-policy'
import { discoverServer } from './oauth-discovery'

/** The server of a catalog entry with fixed endpoints. */
function serverFromCatalog(settings: OAuthSettings): StoredOAuthServer | null {
  if (!settings.endpoints) return null
  const { authorization, token, revocation, userinfo } = settings.endpoints
  return {
    // Without a published issuer the authorize origin stands in; RFC 9207 checks then apply
    // only if the provider returns `iss`, and a provider returning another value is refused.
    issuer: settings.issuer ?? new URL(authorization).origin,
    authorizationEndpoint: authorization,
    tokenEndpoint: token,
    revocationEndpoint: revocation,
    userinfoEndpoint: userinfo,
    issParameterSupported: false,
    idTokenSigningAlgs: [],
  }
}

/** A server whose endpoints the person typed in. */
function serverFromEndpoints(input: {
  authorizationEndpoint: string
  tokenEndpoint: string
  userinfoEndpoint?: string | undefined
  revocationEndpoint?: string | undefined
}): StoredOAuthServer {
  return {
    issuer: new URL(input.authorizationEndpoint).origin,
    authorizationEndpoint: input.authorizationEndpoint,
    tokenEndpoint: input.tokenEndpoint,
    revocationEndpoint: input.revocationEndpoint ?? null,
    userinfoEndpoint: input.userinfoEndpoint ?? null,
    issParameterSupported: false,
    idTokenSigningAlgs: [],
  }
}

/**
 * The authorization server a flow talks to: discovered from an issuer, typed in, the one the
 * connection was made with, or the catalog's. Every endpoint passes the https check first.
 */
export async function resolveServer(
  context: ConnectionsContext,
  entry: OAuthCatalogEntry,
  input: StartOAuthRequest['server'],
  existing: ConnectionRecord | null,
): Promise<StoredOAuthServer> {
  // Discovery checks the endpoints it finds itself, as ISSUER_INVALID.
  if (input && 'issuer' in input) return discoverServer(input.issuer, context.fetch)
  const server = input
    ? serverFromEndpoints(input)
    : (existing?.oauth?.server ?? serverFromCatalog(entry.auth))
  if (!server) {
    throw new AllvError(
      'INVALID_INPUT',
      'Enter the issuer URL, or the authorization and token endpoints.',
    )
  }
  requireSecureEndpoints(server, 'INVALID_INPUT')
  return server
}
