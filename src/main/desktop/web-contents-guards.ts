// eng-disable CSP_GLOBAL_CHECK
// electronegativity's CSP check (Google's csp-evaluator) cautions that script-src 'self' is
// risky where an origin hosts JSONP or user uploads; app://allv serves only the bundle. The
// policy's directives are pinned by test/main/desktop/content-security-policy.test.ts.
import type { Session, WebContents } from 'electron'
import type { Logger } from '../platform/logger'
import type { AppOrigin } from './app-origin'
import { withoutSecurityHeaders } from './content-security-policy'
import type { OpenExternal } from './open-external'

/** What the guards need to know: which URLs are the app's own, and the door to the browser. */
export interface GuardContext {
  origin: AppOrigin
  openExternal: OpenExternal
  logger: Logger
}

/**
 * Locks down one webContents (applied to every one the app creates, via
 * `web-contents-created`): navigation stays on the app origin (security checklist #13), new
 * windows are refused and https links go to the system browser through the one guard (#14,
 * #15), and `<webview>` is never attached (#12).
 */
export function guardWebContents(contents: WebContents, context: GuardContext): void {
  const { origin, logger } = context
  const refuse = (what: string, url: string) =>
    logger.warn(`${what} refused`, { scheme: schemeOf(url) })

  contents.on('will-navigate', (event) => {
    if (origin.contains(event.url)) return
    event.preventDefault()
    refuse('navigation', event.url)
  })
  contents.on('will-redirect', (event) => {
    if (origin.contains(event.url)) return
    event.preventDefault()
    refuse('redirect', event.url)
  })

  contents.setWindowOpenHandler(({ url }) => {
    // The guard, not the shell: only https (or loopback http) leaves the app.
    const opened = context.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
    opened.catch(() => refuse('new window', url))
    return { action: 'deny' }
  })

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger.warn('webview refused')
  })
}

/**
 * Hardens a session: every permission request and check is denied, since the renderer needs
 * none (security checklist #5), and every response carries the CSP header (#7), whatever
 * serves it: the app scheme, or the dev server in development.
 */
export function guardSession(session: Session, policy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...withoutSecurityHeaders(details.responseHeaders),
        'Content-Security-Policy': [policy],
        'X-Content-Type-Options': ['nosniff'],
      },
    })
  })
}

function schemeOf(url: string): string {
  return /^([A-Za-z][A-Za-z0-9+.-]{0,30}):/.exec(url)?.[1] ?? ''
}
