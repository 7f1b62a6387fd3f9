/**
 * An OAuth redirect that came back to the app through the private-use scheme
 * (`com.allv.desktop:/oauth/<provider>?…`, RFC 8252 §7.1), after the deep-link validator
 * accepted its shape. Whether its `state` belongs to a pending flow is decided by the
 * connections service, not here.
 */
export interface OAuthCallbackLink {
  kind: 'oauth-callback'
  /** The `<provider>` path segment; a flow only accepts callbacks on its own path. */
  providerId: string
  /** Exactly one `state`, and no parameter given twice. */
  state: string
  /** The query as received, for the OAuth library to validate (code, error, iss). */
  params: URLSearchParams
}

/** The private-use URI scheme the app registers with the OS (reverse domain, RFC 8252 §7.1). */
export const APP_SCHEME = 'com.allv.desktop'

/** The redirect URI a flow for `providerId` registers: one distinct path per provider. */
export function oauthRedirectUri(providerId: string): string {
  return `${APP_SCHEME}:/oauth/${providerId}`
}
