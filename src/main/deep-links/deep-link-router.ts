import type { Logger } from '../platform/logger'
import { APP_SCHEME, type OAuthCallbackLink } from './oauth-callback-link'
import { parseDeepLink } from './parse-deep-link'

/** What the router hands accepted links to; resolves false when no pending flow claims one. */
export interface DeepLinkTargets {
  onOAuthCallback(link: OAuthCallbackLink): Promise<boolean>
  logger: Logger
}

/** Routes every URL that reaches the app from the OS to the service that owns its path. */
export interface DeepLinkRouter {
  /** Resolves true when the link was accepted; every refusal is logged, never thrown. */
  handle(raw: string): Promise<boolean>
}

const MAX_LOGGED_CHARS = 80

/** Builds the router behind `Services.handleDeepLink`: validate, dispatch, log refusals. */
export function createDeepLinkRouter(targets: DeepLinkTargets): DeepLinkRouter {
  const logger = targets.logger.child('deep-link')

  return {
    async handle(raw) {
      const parsed = parseDeepLink(raw)
      if (!parsed.ok) {
        logger.warn('deep link ignored', { ...describeWithoutQuery(raw), reason: parsed.reason })
        return false
      }

      const where = { scheme: APP_SCHEME, path: `/oauth/${parsed.link.providerId}` }
      try {
        const accepted = await targets.onOAuthCallback(parsed.link)
        if (!accepted) logger.warn('deep link ignored', { ...where, reason: 'no-pending-flow' })
        return accepted
      } catch (error) {
        // The message could quote the link; the name is enough to find the failing flow.
        const errorName = error instanceof Error ? error.name : typeof error
        logger.error('deep link handler failed', { ...where, reason: 'handler-failed', errorName })
        return false
      }
    },
  }
}

/**
 * Scheme and path of a refused link, for the log. The query and fragment are dropped (they may
 * hold an authorization code), and so are the path of a foreign URL and any user info, since
 * either may carry a credential; what remains is cut short and stripped of odd characters.
 */
export function describeWithoutQuery(raw: unknown): { scheme: string; path: string } {
  if (typeof raw !== 'string') return { scheme: '', path: '' }
  const head = raw.slice(0, MAX_LOGGED_CHARS * 4).split(/[?#]/, 1)[0] ?? ''
  const colon = head.indexOf(':')
  const candidate = colon > 0 ? head.slice(0, colon) : ''
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*$/.test(candidate) ? candidate : ''
  if (scheme.toLowerCase() !== APP_SCHEME) return { scheme: printable(scheme), path: '' }
  const path = head.slice(colon + 1).replace(/^\/\/[^/]*@/, '//')
  return { scheme: printable(scheme), path: printable(path) }
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, MAX_LOGGED_CHARS)
}
