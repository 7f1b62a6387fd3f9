import { BrowserWindow, type WebPreferences } from 'electron'

/**
 * The renderer's web preferences, each set explicitly even where it is Electron's default,
 * so a future default change or a stray override cannot loosen them unnoticed: context
 * isolation (security checklist #3), sandbox (#4), no Node (#2), web security (#6), no
 * insecure content (#8), no experimental or Blink features (#9, #10), no `<webview>` (#12).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  }
}

/** Creates the one app window; it shows once the first paint is ready, not blank before. */
export function createMainWindow(options: { preloadPath: string; entryUrl: string }) {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'allv',
    webPreferences: secureWebPreferences(options.preloadPath),
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
