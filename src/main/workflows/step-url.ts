import { parseTemplate } from './expressions'

const FULL_URL_HINT = 'must be a full URL such as https://example.com/path'
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/
const HTTP_SCHEME = /^https?:\/\//i
/** Something before the first slash with a colon in it looks like a scheme that went wrong. */
const BROKEN_SCHEME = /^[^/?#]*:/

/**
 * Checks a step URL as saved. The parts around `{{ … }}` are checked with each expression
 * standing in as a plain word; a URL that starts with an expression can only be checked once
 * it is resolved, at run time. Returns the problem, or null.
 */
export function checkStepUrl(template: string, hasConnection: boolean): string | null {
  const parts = parseTemplate(template)
  if (parts[0] !== undefined && 'source' in parts[0]) return null
  const sample = parts.map((part) => ('text' in part ? part.text : 'x')).join('')
  return checkUrl(sample, hasConnection)
}

/**
 * Turns a resolved step URL into the URL to fetch. A path is joined to the connection's base
 * URL (`/users` on `https://api.example.com/v1` is `https://api.example.com/v1/users`), which is
 * what a person expects; plain URL resolution would drop the `/v1`.
 */
export function resolveStepUrl(
  url: string,
  baseUrl: string | null,
): { url: URL } | { problem: string } {
  const problem = checkUrl(url, baseUrl !== null)
  if (problem !== null) return { problem }
  if (isAbsolute(url)) return { url: new URL(url) }

  const base = (baseUrl ?? '').replace(/\/+$/, '')
  const joined = `${base}/${url.replace(/^\/+/, '')}`
  return URL.canParse(joined) ? { url: new URL(joined) } : { problem: FULL_URL_HINT }
}

function checkUrl(url: string, relativeAllowed: boolean): string | null {
  if (isAbsolute(url)) {
    if (!HTTP_SCHEME.test(url)) return 'must start with https:// or http://'
    return URL.canParse(url) && new URL(url).hostname !== '' ? null : FULL_URL_HINT
  }
  if (BROKEN_SCHEME.test(url)) return FULL_URL_HINT
  if (!relativeAllowed) {
    return `${FULL_URL_HINT} (a path alone needs a connection that has a base URL)`
  }
  return URL.canParse(url, 'https://base.invalid/') ? null : FULL_URL_HINT
}

function isAbsolute(url: string): boolean {
  return SCHEME.test(url)
}
