import { app, dialog, ipcMain, protocol, session, shell, type BrowserWindow } from 'electron'
import type { PlatformAdapters } from '../compose'
import type { EventName } from '../../shared/ipc-contract'
import { isAllvError } from '../platform/errors'
import { createLogger, type LogSink } from '../platform/logger'
import type { Services } from '../services'
import { APP_PROTOCOL, resolveAppOrigin } from './app-origin'
import { APP_SCHEME_PRIVILEGES, serveAppAsset } from './app-protocol'
import { contentSecurityPolicyFor } from './content-security-policy'
import { createDeepLinkInbox } from './deep-link-inbox'
import { claimSingleInstance, listenForDeepLinks } from './deep-link-sources'
import { createDesktopAdapters } from './desktop-adapters'
import { bindInvokeHandlers, isTrustedSender, sendContractEvent } from './ipc-binding'
import type { InvokeHandlers } from './ipc-binding'
import { createMainWindow, focusWindow } from './main-window'
import { createOpenExternalSafely } from './open-external'
import { protocolClientArgs } from './protocol-client'
import { closeServicesBeforeQuit } from './quit-handling'
import { guardSession, guardWebContents } from './web-contents-guards'

/** The service graph and its IPC binding, injected so tests can hand in stand-ins. */
export interface DesktopDependencies {
  createServices(adapters: PlatformAdapters): Promise<Services>
  createIpcHandlers(services: Services): InvokeHandlers
  subscribeToEvents(
    services: Services,
    emit: (event: EventName, payload: unknown) => void,
  ): () => void
}

/** What the Electron entry knows at launch: where the built bundle lives, and its argv. */
export interface DesktopLaunch {
  preloadPath: string
  rendererDir: string
  argv: readonly string[]
}

/**
 * Runs the app: one instance, links from every OS path into one inbox, a hardened window over
 * the app scheme, and the IPC contract bound to the services. Everything that must happen
 * before `ready` (the instance lock, `open-url`, scheme privileges) happens synchronously here.
 */
export function startDesktopApp(deps: DesktopDependencies, launch: DesktopLaunch): void {
  const logSink: LogSink = (line) => process.stdout.write(`${line}\n`)
  const logger = createLogger(logSink).child('desktop')
  if (!claimSingleInstance(launch.argv)) {
    app.quit()
    return
  }

  let window: BrowserWindow | null = null
  let services: Services | null = null
  const inbox = createDeepLinkInbox(logger)
  // Before `ready` nothing can be shown yet; start() opens the window and drains the inbox.
  listenForDeepLinks(launch.argv, inbox, () => {
    if (services && !window) openWindow()
    focusWindow(window)
  })

  const origin = resolveAppOrigin({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
  })
  const policy = contentSecurityPolicyFor(origin)
  // The app's only shell.openExternal, reachable solely through the guard (checklist #15).
  const shellOpen = (url: string) => shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
  const openExternal = createOpenExternalSafely(shellOpen, logger)
  const openLink = createOpenExternalSafely(shellOpen, logger, { loopbackHttp: false })

  protocol.registerSchemesAsPrivileged([
    { scheme: APP_PROTOCOL, privileges: APP_SCHEME_PRIVILEGES },
  ])
  app.enableSandbox()
  const registration = protocolClientArgs({
    defaultApp: Boolean(process.defaultApp),
    execPath: process.execPath,
    appPath: app.getAppPath(),
  })
  // Links of this scheme reach only the inbox, and every one is validated by parseDeepLink.
  app.setAsDefaultProtocolClient(...registration) // eng-disable PROTOCOL_HANDLER_JS_CHECK
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { origin, openExternal: openLink, logger })
  })

  const openWindow = () => {
    window = createMainWindow({ preloadPath: launch.preloadPath, entryUrl: origin.entryUrl })
    window.on('closed', () => (window = null))
  }

  const start = async () => {
    await app.whenReady()
    guardSession(session.defaultSession, policy)
    protocol.handle(APP_PROTOCOL, (request) => serveAppAsset(launch.rendererDir, request, policy))

    const ready = await deps.createServices(createDesktopAdapters({ openExternal, logSink }))
    services = ready
    // Bound before the window loads, so the renderer's first call finds its handler.
    bindInvokeHandlers({
      ipcMain,
      handlers: deps.createIpcHandlers(ready),
      isTrusted: (event) => isTrustedSender(event, window, origin),
      logger,
    })
    deps.subscribeToEvents(ready, (event, payload) => sendContractEvent(window, event, payload))
    openWindow()
    inbox.deliverTo(async (url) => void (await ready.handleDeepLink(url)))
  }

  start().catch((error: unknown) => {
    logger.error('startup failed', { error })
    // Only the app's own messages are written to be shown; others may quote file contents.
    const shown = isAllvError(error) ? error.message : 'The log has the details.'
    dialog.showErrorBox('allv could not start', shown)
    app.exit(1)
  })
  app.on('activate', () => {
    if (services && !window) openWindow()
  })
  closeServicesBeforeQuit(() => services?.close(), logger)
}
