import { AllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { isLoopbackUrl } from '../platform/loopback'

const MAX_EXTERNAL_URL_LENGTH = 8192

/**
 * Whether a URL may be handed to the OS (Electron security checklist #15): only `https:`, or
 * `http:` on loopback for the RFC 8252 §7.3 redirect listener. Anything the OS could run
 * (`file:`, `javascript:`, `smb:`, custom schemes) is refused, and so is user info, which
 * only serves to disguise a host (`https://github.com@evil.example`).
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
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
  return url.protocol === 'http:' && isLoopbackUrl(url.href)
}

/** Opens a URL in the system browser when the guard allows it; the one door to the OS. */
export type OpenExternal = (url: string) => Promise<void>

/**
 * Builds the only `openExternal` the app uses: the OAuth flows' system browser (RFC 8252 §6)
 * and links the renderer tries to open in a new window both go through it.
 */
export function createOpenExternalSafely(
  shellOpenExternal: (url: string) => Promise<void>,
  logger: Logger,
): OpenExternal {
  return async (url) => {
    if (!isSafeExternalUrl(url)) {
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]{0,30}):/.exec(String(url))?.[1] ?? ''
      logger.warn('external URL refused', { scheme })
      throw new AllvError('INVALID_INPUT', 'allv only opens https:// links in your browser.')
    }
    // Hand over the parser's canonical form, so the OS sees exactly what was checked.
    await shellOpenExternal(new URL(url).href)
  }
}
