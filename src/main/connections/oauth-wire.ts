import * as oauth from 'oauth4webapi'
import type { ClientAuthMethod, TokenResponseShape } from './catalog-types'
import type { StoredOAuthServer } from './connection-record'
import { isLoopbackUrl } from '../platform/loopback'
import { reshapeTokenResponse } from './token-response-shapes'

/** The fetch the service makes every request with; tests hand in one that counts. */
export type FetchLike = typeof fetch

/** How long any one request to a provider may take before it counts as unreachable. */
export const REQUEST_TIMEOUT_MS = 15_000

/** A URL without its query or fragment, for messages and logs: a query may carry secrets. */
export function describeUrl(url: string): string {
  const parsed = URL.parse(url)
  return parsed ? `${parsed.origin}${parsed.pathname}` : 'the address given'
}

/**
 * Transport options for one oauth4webapi call. RFC 6749 §3.1 and §3.2 require TLS for the
 * endpoints; plain http is allowed only on loopback, where nothing on the network can read it
 * (local development servers and the test suite's provider).
 */
export function wireOptions(
  fetchImpl: FetchLike,
  url: string,
  options: { shape?: TokenResponseShape; headers?: Record<string, string> } = {},
) {
  const shape = options.shape ?? 'standard'
  const send = async (target: string, init: RequestInit) =>
    reshapeTokenResponse(shape, await fetchImpl(target, init))
  return {
    [oauth.customFetch]: send,
    [oauth.allowInsecureRequests]: isLoopbackUrl(url),
    signal: () => AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: options.headers ?? {},
  }
}

/** The oauth4webapi view of a stored server. */
export function toAuthorizationServer(server: StoredOAuthServer): oauth.AuthorizationServer {
  return {
    issuer: server.issuer,
    authorization_endpoint: server.authorizationEndpoint,
    token_endpoint: server.tokenEndpoint,
    revocation_endpoint: server.revocationEndpoint ?? undefined,
    userinfo_endpoint: server.userinfoEndpoint ?? undefined,
    authorization_response_iss_parameter_supported: server.issParameterSupported,
    id_token_signing_alg_values_supported:
      server.idTokenSigningAlgs.length > 0 ? server.idTokenSigningAlgs : undefined,
  }
}

/**
 * Client authentication at the token endpoint. Without a secret the client is public and
 * sends only `client_id` (RFC 6749 §2.1, RFC 8252 §8.4); PKCE is then what binds the code.
 */
export function clientAuthFor(method: ClientAuthMethod, secret: string | null): oauth.ClientAuth {
  if (secret === null) return oauth.None()
  return method === 'clientSecretPost'
    ? oauth.ClientSecretPost(secret)
    : oauth.ClientSecretBasic(secret)
}

/** The OAuth error code of a failed token or revocation call, if the server sent one. */
export function oauthErrorCode(error: unknown): string | null {
  return error instanceof oauth.ResponseBodyError ? error.error : null
}

/**
 * Whether a failure happened before any answer came back (refused, reset, unresolved, timed
 * out). Node's fetch (undici) reports those as a TypeError `fetch failed` whose `cause` holds
 * the socket or DNS error; every other TypeError (an invalid header value, a URL it cannot
 * parse, oauth4webapi's own checks) was refused before anything was sent.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError) {
    return error.message === 'fetch failed' && error.cause !== undefined
  }
  return error instanceof DOMException && ['AbortError', 'TimeoutError'].includes(error.name)
}
