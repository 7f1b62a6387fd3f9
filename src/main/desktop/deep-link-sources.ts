import { app } from 'electron'
import { findDeepLinkInArgv } from '../deep-links/find-deep-link-in-argv'
import type { DeepLinkInbox } from './deep-link-inbox'

/** What a second launch tells the first one, besides its argv (which Chromium may reorder). */
export interface SecondInstanceData {
  deepLink: string | null
}

/**
 * Takes the single-instance lock, telling the first instance about our link if we lose it.
 * Returns false in the second instance, which must then quit without opening anything.
 */
export function claimSingleInstance(argv: readonly string[]): boolean {
  const data: SecondInstanceData = { deepLink: findDeepLinkInArgv(argv) }
  return app.requestSingleInstanceLock({ ...data })
}

/**
 * Feeds the inbox from every way a link reaches the app: cold-start argv, `second-instance`
 * (Windows, Linux) and `open-url` (macOS). Must run before `ready`: macOS delivers the link
 * that launched the app as an `open-url` before it, and a late listener would lose it.
 * `showWindow` brings the window forward, opening it again if it was closed, so the person sees
 * how the sign-in ended.
 */
export function listenForDeepLinks(
  argv: readonly string[],
  inbox: DeepLinkInbox,
  showWindow: () => void,
): void {
  app.on('open-url', (event, url) => {
    event.preventDefault()
    inbox.receive(url)
    showWindow()
  })

  app.on('second-instance', (_event, secondArgv, _cwd, additionalData) => {
    const link = linkFrom(additionalData) ?? findDeepLinkInArgv(secondArgv)
    if (link) inbox.receive(link)
    showWindow()
  })

  const coldStartLink = findDeepLinkInArgv(argv)
  if (coldStartLink) inbox.receive(coldStartLink)
}

function linkFrom(additionalData: unknown): string | null {
  if (typeof additionalData !== 'object' || additionalData === null) return null
  const { deepLink } = additionalData as Partial<SecondInstanceData>
  return typeof deepLink === 'string' ? deepLink : null
}
