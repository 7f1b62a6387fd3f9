/**
 * The privileged scheme the packaged renderer is served from, instead of `file://` (Electron
 * security checklist #18): pages get a real origin, and nothing else on disk is reachable.
 */
export const APP_PROTOCOL = 'app'

/** The one host of the app scheme; every renderer URL is `app://allv/…`. */
export const APP_HOST = 'allv'

/** Where the renderer lives and what counts as "our" page for navigation and IPC checks. */
export interface AppOrigin {
  /** The URL the window loads first. */
  entryUrl: string
  /** Whether a URL belongs to the renderer's origin (scheme, host and port all equal). */
  contains(url: string): boolean
  /** Set in development only: the Vite dev server, whose HMR socket the CSP must allow. */
  devServer: URL | null
}

/**
 * The packaged (and `npm start`) renderer is served from `app://allv`; in development
 * electron-vite serves it over HTTP and names the address in ELECTRON_RENDERER_URL.
 */
export function resolveAppOrigin(options: { isPackaged: boolean; devServerUrl?: string }) {
  const devServer =
    !options.isPackaged && options.devServerUrl ? new URL(options.devServerUrl) : null
  const base = devServer ?? new URL(`${APP_PROTOCOL}://${APP_HOST}/`)
  const origin: AppOrigin = {
    entryUrl: devServer ? devServer.href : new URL('index.html', base).href,
    contains: (url) => sameOrigin(url, base),
    devServer,
  }
  return origin
}

// URL#origin is "null" for a non-special scheme such as app:, so compare the parts instead.
function sameOrigin(raw: string, base: URL): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === base.protocol && url.host === base.host && url.username === ''
}
