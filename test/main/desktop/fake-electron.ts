import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/**
 * A recording stand-in for the `electron` module, for `vi.mock('electron', …)`: the Electron
 * binary cannot run here. It keeps just enough behaviour (events, handler maps, windows) for
 * the desktop code to run, and records every call a test asserts on.
 */

/** An event object as Electron passes to listeners, with a recorded preventDefault. */
export function fakeEvent<T extends object>(fields: T = {} as T) {
  return { ...fields, preventDefault: vi.fn() }
}

/** A web frame; `parent` null means a main frame. */
export interface FakeFrame {
  url: string
  parent: FakeFrame | null
  frameTreeNodeId: number
}

let nextId = 1

/** A webContents that records its handlers so a test can fire them. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  readonly mainFrame: FakeFrame = { url: '', parent: null, frameTreeNodeId: nextId++ }
  readonly send = vi.fn()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
}

/** A BrowserWindow that records its options and what it loaded. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url
  })
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  destroyed = false

  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.created.push(this)
  }

  isDestroyed() {
    return this.destroyed
  }

  isMinimized() {
    return false
  }
}

let becomeReady: () => void = () => {}

class FakeApp extends EventEmitter {
  isPackaged = true
  hasLock = true
  ready = Promise.resolve()
  readonly lockData: unknown[] = []
  readonly quit = vi.fn()
  readonly exit = vi.fn()
  readonly enableSandbox = vi.fn()
  readonly setAsDefaultProtocolClient = vi.fn(() => true)
  readonly getAppPath = vi.fn(() => '/work/allv')
  readonly getPath = vi.fn((name: string) => `/home/someone/.config/allv-${name}`)

  requestSingleInstanceLock(data?: unknown) {
    this.lockData.push(data)
    return this.hasLock
  }

  whenReady() {
    return this.ready
  }
}

/** `app`, with `whenReady` held until the test calls `makeReady`. */
export const app = new FakeApp()

/** Resolves `app.whenReady()`. */
export function makeReady(): void {
  becomeReady()
}

/** The registered `ipcMain.handle` functions by channel. */
export const ipcMain = {
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  handle: vi.fn((channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => {
    ipcMain.handlers.set(channel, fn)
  }),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
  removeAllListeners: vi.fn(),
}

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn<(listener: HeadersListener) => void>() },
  },
}

export const shell = { openExternal: vi.fn(async () => {}) }
export const dialog = { showErrorBox: vi.fn() }
export const BrowserWindow = FakeBrowserWindow

/** The preload side: what contextBridge exposed, and an ipcRenderer that records calls. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => contextBridge.exposed.set(key, api)),
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => ({
    ok: true,
    value: null,
  }))
}
export const ipcRenderer = new FakeIpcRenderer()

/** Puts every fake back as new; `whenReady` is held again until `makeReady`. */
export function resetFakeElectron(): void {
  vi.clearAllMocks()
  app.removeAllListeners()
  app.isPackaged = true
  app.hasLock = true
  app.lockData.length = 0
  app.ready = new Promise((resolve) => (becomeReady = resolve))
  ipcMain.handlers.clear()
  FakeBrowserWindow.created.length = 0
  contextBridge.exposed.clear()
  ipcRenderer.removeAllListeners()
}
