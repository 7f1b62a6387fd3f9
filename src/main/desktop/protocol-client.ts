import { APP_SCHEME } from '../deep-links/oauth-callback-link'

/** The process facts that decide how the OS should launch the app for a link. */
export interface LaunchContext {
  /** `process.defaultApp`: true when started as `electron <app path>` (development). */
  defaultApp: boolean
  execPath: string
  appPath: string
}

/**
 * The arguments for `app.setAsDefaultProtocolClient`. On Windows the registered command line
 * is `"<exe>" <args…> "%1"`; ending the args with `--` makes Chromium stop parsing switches,
 * so a crafted link cannot smuggle one in (CVE-2018-1000006). In development the executable
 * is Electron itself, which needs the app path before the link.
 */
export function protocolClientArgs(context: LaunchContext): [string, string, string[]] {
  if (context.defaultApp) return [APP_SCHEME, context.execPath, [context.appPath, '--']]
  return [APP_SCHEME, context.execPath, ['--']]
}
