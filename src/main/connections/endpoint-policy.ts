import { AllvError } from '../platform/errors'
import { isLoopbackUrl } from '../platform/loopback'
import type { StoredOAuthServer } from './connection-record'

/** Whether a URL may carry OAuth traffic: https anywhere, plain http only on loopback. */
export function isSecureEndpoint(url: string): boolean {
  const parsed = URL.parse(url)
  if (parsed?.protocol === 'https:') return true
  return parsed?.protocol === 'http:' && isLoopbackUrl(url)
}

const endpointNames = {
  authorizationEndpoint: 'authorization endpoint',
  tokenEndpoint: 'token endpoint',
  userinfoEndpoint: 'userinfo endpoint',
  revocationEndpoint: 'revocation endpoint',
} as const

/** A URL for a message: scheme, host and path, without a query that might carry anything. */
const shown = (url: string) => {
  const parsed = URL.parse(url)
  return parsed ? `${parsed.protocol}//${parsed.host}${parsed.pathname}` : 'the address given'
}

/**
 * Refuses a server any of whose endpoints would travel in the clear. TLS is required for the
 * authorization and token endpoints (RFC 6749 §3.1, §3.2), revocation (RFC 7009 §2) and
 * userinfo (OpenID Connect Core §5.3); plain http is accepted on loopback only, where the
 * request never leaves the machine (RFC 8252 §8.3). It is checked before the browser opens,
 * so a bad endpoint is named at once rather than failing after the person signed in.
 * `code` is INVALID_INPUT for endpoints the person typed, ISSUER_INVALID for discovered ones.
 */
export function requireSecureEndpoints(
  server: StoredOAuthServer,
  code: 'INVALID_INPUT' | 'ISSUER_INVALID',
): void {
  for (const [field, name] of Object.entries(endpointNames)) {
    const url = server[field as keyof typeof endpointNames]
    if (url === null || isSecureEndpoint(url)) continue
    throw new AllvError(
      code,
      `The ${name} ${shown(url)} must use https; plain http is accepted only on this ` +
        'computer (127.0.0.1, [::1] or localhost). Check the address with the provider.',
    )
  }
}
