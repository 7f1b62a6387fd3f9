import { AllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { isLoopbackUrl } from '../platform/loopback'

const MAX_EXTERNAL_URL_LENGTH = 8192

/**
 * Whether a URL may be handed to the OS (Electron security checklist #15): only `https:`, or
 * `http:` on loopback when `loopbackHttp` allows it (an OAuth server on this machine, RFC 8252
 * §8.3). Anything the OS could run (`file:`, `javascript:`, `smb:`, custom schemes) is refused,
 * and so is user info, which only serves to disguise a host (`https://github.com@evil.example`).
 */
export function isSafeExternalUrl(raw: unknown, loopbackHttp = true): raw is string {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL_LENGTH) return false
  // The URL parser silently drops tabs and newlines; the OS should never see them either.
  if (!/^[\x21-\x7e]+$/.test(raw)) return false

  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.username !== '' || url.password !== '') return false
  if (url.protocol === 'https:') return url.hostname !== ''
  return loopbackHttp && url.protocol === 'http:' && isLoopbackUrl(url.href)
}

/** Opens a URL in the system browser when the guard allows it; the one door to the OS. */
export type OpenExternal = (url: string) => Promise<void>

/**
 * Builds a guarded `openExternal`, the app's only way to the OS browser. The OAuth flows' one
 * (RFC 8252 §6) may open a sign-in page on loopback; the one behind links the renderer tries to
 * open in a new window passes `loopbackHttp: false`, so a page cannot aim the browser at a
 * service on this machine.
 */
export function createOpenExternalSafely(
  shellOpenExternal: (url: string) => Promise<void>,
  logger: Logger,
  options: { loopbackHttp?: boolean } = {},
): OpenExternal {
  const loopbackHttp = options.loopbackHttp ?? true
  return async (url) => {
    if (!isSafeExternalUrl(url, loopbackHttp)) {
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]{0,30}):/.exec(String(url))?.[1] ?? ''
      logger.warn('external URL refused', { scheme })
      throw new AllvError('INVALID_INPUT', 'allv only opens https:// links in your browser.')
    }
    // Hand over the parser's canonical form, so the OS sees exactly what was checked.
    await shellOpenExternal(new URL(url).href)
  }
}
