import { APP_SCHEME, type OAuthCallbackLink, oauthRedirectUri } from './oauth-callback-link'
import { type QueryFault, parseStrictQuery } from './strict-query'

/** Why a link was refused; logged in place of the link, so it never carries a query value. */
export type DeepLinkRejection =
  | 'too-long'
  | 'forbidden-character'
  | 'not-app-scheme'
  | 'has-authority'
  | 'has-fragment'
  | 'path-traversal'
  | 'unknown-path'
  | 'missing-state'
  | 'missing-code-or-error'
  | 'both-code-and-error'
  | QueryFault

/** The validator's verdict on one URL that reached the app from the OS. */
export type DeepLinkParseResult =
  { ok: true; link: OAuthCallbackLink } | { ok: false; reason: DeepLinkRejection }

/** Longer than any real redirect (codes and states are well under 1 KB); caps parsing work. */
export const MAX_DEEP_LINK_LENGTH = 4096

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/
// The OS hands URLs over percent-encoded; a space, control or non-ASCII character is a forgery.
const VISIBLE_ASCII = /^[\x21-\x7e]*$/
// One path per provider against mix-up (RFC 9700 §4.4.2); a browser may append a slash.
const OAUTH_PATH = /^\/oauth\/([a-z0-9-]{1,40})\/?$/
const TRAVERSAL_HINT = /\.\.|%2e|%2f|%5c|\\/i

/**
 * The one validator for every URL that enters the app (cold-start argv, `second-instance`,
 * `open-url`): only the app's private-use scheme without an authority (RFC 8252 §7.1), only
 * known paths, bounded length, and a query parsed strictly. Never throws.
 */
export function parseDeepLink(raw: string): DeepLinkParseResult {
  if (typeof raw !== 'string') return reject('not-app-scheme')
  if (raw.length > MAX_DEEP_LINK_LENGTH) return reject('too-long')
  if (!VISIBLE_ASCII.test(raw)) return reject('forbidden-character')

  const scheme = SCHEME.exec(raw)?.[1]
  if (scheme?.toLowerCase() !== APP_SCHEME) return reject('not-app-scheme')
  const rest = raw.slice(scheme.length + 1)
  if (rest.startsWith('//')) return reject('has-authority')
  if (rest.includes('#')) return reject('has-fragment')

  const queryStart = rest.indexOf('?')
  const path = queryStart === -1 ? rest : rest.slice(0, queryStart)
  const providerId = OAUTH_PATH.exec(path)?.[1]
  if (providerId === undefined) {
    return reject(TRAVERSAL_HINT.test(path) ? 'path-traversal' : 'unknown-path')
  }

  const query = parseStrictQuery(queryStart === -1 ? '' : rest.slice(queryStart + 1))
  if (!query.ok) return reject(query.fault)
  const { params } = query

  const state = params.get('state')
  if (!state) return reject('missing-state')
  const hasCode = Boolean(params.get('code'))
  const hasError = Boolean(params.get('error'))
  // RFC 6749 §4.1.2 and §4.1.2.1: a redirect is either a grant or an error, never both.
  if (hasCode && hasError) return reject('both-code-and-error')
  if (!hasCode && !hasError) return reject('missing-code-or-error')

  return { ok: true, link: { kind: 'oauth-callback', providerId, state, params } }
}

/**
 * Writes a parsed link back as the canonical URL: lowercase scheme, no trailing slash, and
 * only the escapes a value needs, so the result is never longer than what was accepted.
 */
export function formatDeepLink(link: OAuthCallbackLink): string {
  const pairs = [...link.params].map(([name, value]) => `${name}=${encodeFormValue(value)}`)
  return `${oauthRedirectUri(link.providerId)}?${pairs.join('&')}`
}

function encodeFormValue(value: string): string {
  let encoded = ''
  for (const char of value) {
    if (char === ' ') encoded += '+'
    else if (/^[\x21-\x7e]$/.test(char) && !'%&+#'.includes(char)) encoded += char
    else encoded += encodeURIComponent(char)
  }
  return encoded
}

function reject(reason: DeepLinkRejection): DeepLinkParseResult {
  return { ok: false, reason }
}
