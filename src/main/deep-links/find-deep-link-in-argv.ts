import { APP_SCHEME } from './oauth-callback-link'

const APP_SCHEME_PREFIX = `${APP_SCHEME}:`

/**
 * Finds the link in a command line (cold start or `second-instance`). The OS may put it
 * anywhere: after `--` on Windows, among Chromium switches, after the app path in development.
 * Switches are skipped whole, so a `--gpu-launcher=…` smuggled next to a link is never taken
 * for one. Returns the first candidate with the app's scheme, still to be validated.
 */
export function findDeepLinkInArgv(argv: readonly unknown[]): string | null {
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg.startsWith('-')) continue
    if (arg.slice(0, APP_SCHEME_PREFIX.length).toLowerCase() === APP_SCHEME_PREFIX) return arg
  }
  return null
}
