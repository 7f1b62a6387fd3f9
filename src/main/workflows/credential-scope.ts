import { AllvError } from '../platform/errors'
import type { RequestCredentials } from '../services'

/**
 * Refuses to send a connection's credentials where they do not belong. Step URLs may be built
 * from response data (expressions are untrusted), so a URL alone must never pick where a key
 * goes: with a base URL, credentials go to that origin only; without one (a generic OAuth
 * connection), only over https, or over http to this computer, where nobody can read them on
 * the wire.
 */
export function checkCredentialScope(
  url: URL,
  credentials: RequestCredentials | null,
  connectionLabel: string,
): void {
  if (credentials === null) return
  const { baseUrl } = credentials
  if (baseUrl !== null) {
    const allowed = URL.canParse(baseUrl) ? new URL(baseUrl).origin : baseUrl
    if (allowed === url.origin) return
    throw refused(connectionLabel, `only sent to ${allowed}`, url)
  }
  if (url.protocol === 'https:' || isLoopback(url)) return
  throw refused(connectionLabel, 'only sent over https (or over http to this computer)', url)
}

/** Whether a URL names this computer: 127.0.0.0/8, [::1] or localhost. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase()
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

function refused(label: string, where: string, url: URL): AllvError {
  return new AllvError(
    'STEP_FAILED',
    `This step uses ${label}, whose credentials are ${where}; the URL points to ${url.origin}. ` +
      'Nothing was sent.',
  )
}
