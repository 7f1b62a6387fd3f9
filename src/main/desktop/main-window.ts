import { BrowserWindow } from 'electron'

/**
 * Creates the one app window; it shows once the first paint is ready, not blank before. Each
 * web preference is spelled out in this literal, even where it is Electron's default, so a
 * default change or a stray override cannot loosen it unnoticed and the static audit sees it.
 */
export function createMainWindow(options: { preloadPath: string; entryUrl: string }) {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'allv',
    webPreferences: {
      // Reviewed: the preload exposes createAllvBridge's named functions and nothing else.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      // Security checklist #3, #4, #2: isolated, sandboxed, no Node in the page.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // #6, #8, #9: the web's own rules stay on; nothing insecure or experimental.
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // #12: no <webview>; a middle click cannot open a window the handler never sees.
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.entryUrl)
  return window
}

/** Brings the window to the front, as a second launch or an arriving link expects. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
