import type { TokenEndpointResponse } from 'oauth4webapi'
import type { Clock } from '../platform/clock'

/**
 * A token without `expires_in` is treated as living one hour (RFC 6749 §5.1 makes the field
 * optional): assuming it never expires would leave a dead token in use with nothing to renew it.
 */
export const DEFAULT_TOKEN_LIFETIME_S = 3600

/** Refresh this long before the expiry the server gave, so no request leaves with a dying token. */
export const REFRESH_MARGIN_MS = 60_000

/** When the access token of a token response stops working, in epoch milliseconds. */
export function expiresAtFrom(tokens: TokenEndpointResponse, clock: Clock): number {
  const lifetime = tokens.expires_in ?? DEFAULT_TOKEN_LIFETIME_S
  return clock.now() + lifetime * 1000
}
