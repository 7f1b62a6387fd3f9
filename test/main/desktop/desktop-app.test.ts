import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as electron from './fake-electron'
import { fakeEvent } from './fake-electron'
import type { PlatformAdapters } from '../../../src/main/compose'
import { startDesktopApp } from '../../../src/main/desktop/desktop-app'
import type { InvokeHandlers } from '../../../src/main/desktop/ipc-binding'
import type { Services } from '../../../src/main/services'
import { invokeChannels, type EventName } from '../../../src/shared/ipc-contract'

vi.mock('electron', () => import('./fake-electron'))
vi.mock('electron-store', () => ({
  default: class {
    readonly path: string
    readonly store: Record<string, unknown>
    constructor(options: { cwd: string; name: string; defaults: Record<string, unknown> }) {
      this.path = `${options.cwd}/${options.name}.json`
      this.store = { ...options.defaults }
    }
    set(key: string, value: unknown) {
      this.store[key] = value
    }
  },
}))

const link = 'com.allv.desktop:/oauth/github?code=C1&state=S1'
const other = 'com.allv.desktop:/oauth/slack?code=C2&state=S2'

function start(argv: string[] = ['/opt/allv/allv']) {
  const handleDeepLink = vi.fn(async (_url: string) => true)
  const close = vi.fn(async () => {})
  let adapters: PlatformAdapters | undefined
  let emit: ((event: EventName, payload: unknown) => void) | undefined
  const services = { handleDeepLink, close } as unknown as Services
  const handlers = Object.fromEntries(
    invokeChannels.map((channel) => [channel, async () => ({ ok: true, value: null })]),
  ) as unknown as InvokeHandlers

  startDesktopApp(
    {
      createServices: async (given) => ((adapters = given), services),
      createIpcHandlers: () => handlers,
      subscribeToEvents: (_services, given) => ((emit = given), () => {}),
    },
    { preloadPath: '/app/out/preload/index.cjs', rendererDir: '/app/out/renderer', argv },
  )
  const started = async () => {
    electron.makeReady()
    await vi.waitFor(() => expect(electron.FakeBrowserWindow.created).toHaveLength(1))
    return electron.FakeBrowserWindow.created[0] as electron.FakeBrowserWindow
  }
  return { handleDeepLink, close, started, adapters: () => adapters, emit: () => emit }
}

beforeEach(() => electron.resetFakeElectron())

describe('before ready', () => {
  it('takes the instance lock, registers open-url and the app scheme synchronously', () => {
    start()

    expect(electron.app.lockData).toEqual([{ deepLink: null }])
    expect(electron.app.listenerCount('open-url')).toBe(1)
    expect(electron.app.listenerCount('second-instance')).toBe(1)
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ])
    expect(electron.app.enableSandbox).toHaveBeenCalled()
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith(
      'com.allv.desktop',
      process.execPath,
      ['--'],
    )
  })

  it('queues a link from open-url before the window exists, then delivers it', async () => {
    const app = start()
    const event = fakeEvent()

    electron.app.emit('open-url', event, link)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(app.handleDeepLink).not.toHaveBeenCalled()

    await app.started()
    expect(app.handleDeepLink).toHaveBeenCalledWith(link)
  })
})

describe('a second launch', () => {
  it('quits without a window when another instance holds the lock, handing it the link', () => {
    electron.app.hasLock = false
    start(['C:\\allv\\allv.exe', '--', link])

    expect(electron.app.lockData).toEqual([{ deepLink: link }])
    expect(electron.app.quit).toHaveBeenCalled()
    expect(electron.app.listenerCount('open-url')).toBe(0)
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()
  })

  it('is focused and handed the link found in the second argv, switches ignored', async () => {
    const app = start()
    const window = await app.started()

    electron.app.emit(
      'second-instance',
      fakeEvent(),
      ['allv.exe', '--gpu-launcher=calc', '--', link, '--no-sandbox'],
      '/',
      {},
    )

    expect(app.handleDeepLink).toHaveBeenCalledWith(link)
    expect(window.focus).toHaveBeenCalled()
  })

  it('opens the window again when a link arrives after it was closed', async () => {
    const app = start()
    const first = await app.started()
    first.destroyed = true
    first.emit('closed')

    electron.app.emit('open-url', fakeEvent(), link)

    expect(electron.FakeBrowserWindow.created).toHaveLength(2)
    await vi.waitFor(() => expect(app.handleDeepLink).toHaveBeenCalledWith(link))
  })

  it('prefers the link the second instance sent over its reordered argv', async () => {
    const app = start()
    await app.started()

    electron.app.emit('second-instance', fakeEvent(), ['allv', other], '/', { deepLink: link })

    expect(app.handleDeepLink.mock.calls).toEqual([[link]])
  })

  it('only focuses the window when the second launch brings no link', async () => {
    const app = start()
    const window = await app.started()

    electron.app.emit('second-instance', fakeEvent(), ['allv', '--no-sandbox'], '/', null)

    expect(app.handleDeepLink).not.toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
  })
})

describe('a cold start', () => {
  it('delivers the link from argv once the services exist, switches ignored', async () => {
    const app = start(['/opt/allv/allv', '--no-sandbox', link, '--gpu-launcher=calc'])
    expect(app.handleDeepLink).not.toHaveBeenCalled()

    await app.started()

    expect(app.handleDeepLink.mock.calls).toEqual([[link]])
  })

  it('opens one hardened window on the app scheme with the preload', async () => {
    const app = start()
    const window = await app.started()

    expect(window.loadURL).toHaveBeenCalledWith('app://allv/index.html')
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
    })
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
  })

  it('binds the contract before the window loads, trusting only that window', async () => {
    const app = start()
    const window = await app.started()

    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort())
    const call = electron.ipcMain.handlers.get('catalog:list')
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
    await expect(call?.(fromWindow, undefined)).resolves.toEqual({ ok: true, value: null })
    const stranger = new electron.FakeBrowserWindow({}).webContents
    stranger.mainFrame.url = 'app://allv/index.html'
    await expect(
      call?.({ sender: stranger, senderFrame: stranger.mainFrame }, undefined),
    ).rejects.toThrow(/untrusted/)
  })

  it('guards every webContents the app creates', async () => {
    start()
    const contents = new electron.FakeWebContents()
    electron.app.emit('web-contents-created', fakeEvent(), contents)
    const navigate = fakeEvent({ url: 'https://evil.example/' })

    contents.emit('will-navigate', navigate)

    expect(navigate.preventDefault).toHaveBeenCalled()
    expect(contents.windowOpenHandler).not.toBeNull()
  })

  it('lets a page open https links in the browser, never a loopback service', async () => {
    start()
    const contents = new electron.FakeWebContents()
    electron.app.emit('web-contents-created', fakeEvent(), contents)

    contents.windowOpenHandler?.({ url: 'http://127.0.0.1:8080/admin' })
    contents.windowOpenHandler?.({ url: 'https://docs.example/' })

    await vi.waitFor(() => expect(electron.shell.openExternal).toHaveBeenCalled())
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://docs.example/']])
  })

  it('forwards service events to the window', async () => {
    const app = start()
    const window = await app.started()

    app.emit()?.('oauth:flowEnded', {
      flowId: 'f1',
      providerId: 'github',
      outcome: 'connected',
      connectionId: 'c1',
      message: null,
    })

    expect(window.webContents.send).toHaveBeenCalledWith(
      'oauth:flowEnded',
      expect.objectContaining({ flowId: 'f1' }),
    )
  })
})

describe('the platform adapters', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('use allv in appData, the guarded browser and a channel-free electron-store', async () => {
    vi.stubEnv('ALLV_DATA_DIR', undefined)
    const app = start()
    await app.started()
    const adapters = app.adapters()

    expect(adapters?.dataDir).toBe('/home/someone/.config/allv-appData/allv')
    await expect(adapters?.openExternal('file:///etc/passwd')).rejects.toThrow()
    await adapters?.openExternal('https://github.com/login/oauth/authorize')
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://github.com/login/oauth/authorize'],
    ])

    const store = adapters?.createJsonBackend?.({
      cwd: '/tmp/allv',
      configName: 'settings',
      defaults: { a: 1 },
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
    })
    expect(store?.path).toBe('/tmp/allv/settings.json')
    expect(store?.store).toEqual({ a: 1 })
    expect(electron.ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data')
  })

  it('use the folder ALLV_DATA_DIR names, as the command line does', async () => {
    vi.stubEnv('ALLV_DATA_DIR', '/profiles/work')
    const app = start()
    await app.started()

    expect(app.adapters()?.dataDir).toBe('/profiles/work')
  })
})

describe('quitting', () => {
  it('closes the services once before the app quits', async () => {
    const app = start()
    await app.started()
    const first = fakeEvent()
    const again = fakeEvent()

    electron.app.emit('before-quit', first)
    electron.app.emit('before-quit', again)

    expect(first.preventDefault).toHaveBeenCalled()
    expect(again.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled())
    expect(app.close).toHaveBeenCalledTimes(1)
    const last = fakeEvent()
    electron.app.emit('before-quit', last)
    expect(last.preventDefault).not.toHaveBeenCalled()
  })
})
