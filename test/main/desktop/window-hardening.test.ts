import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as electron from './fake-electron'
import { FakeWebContents, fakeEvent } from './fake-electron'
import { resolveAppOrigin } from '../../../src/main/desktop/app-origin'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/desktop/content-security-policy'
import { createMainWindow, focusWindow } from '../../../src/main/desktop/main-window'
import { guardSession, guardWebContents } from '../../../src/main/desktop/web-contents-guards'
import { createLogger } from '../../../src/main/platform/logger'

vi.mock('electron', () => import('./fake-electron'))

const origin = resolveAppOrigin({ isPackaged: true })

function guarded() {
  const contents = new FakeWebContents()
  const openExternal = vi.fn(async (url: string) => {
    if (!url.startsWith('https:')) throw new Error('refused')
  })
  const lines: string[] = []
  const logger = createLogger((line) => lines.push(line))
  guardWebContents(contents as never, { origin, openExternal, logger })
  return { contents, openExternal, lines }
}

beforeEach(() => electron.resetFakeElectron())

describe('the main window', () => {
  it('is created with isolation, sandbox, no Node, web security and no webview', () => {
    const window = createMainWindow({ preloadPath: '/app/out/preload/index.cjs', entryUrl: 'x' })

    expect((window as unknown as electron.FakeBrowserWindow).options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    })
  })

  it('loads the entry URL and shows itself only when ready to show', () => {
    const window = createMainWindow({ preloadPath: 'p', entryUrl: 'app://allv/index.html' })
    const fake = window as unknown as electron.FakeBrowserWindow

    expect(fake.loadURL).toHaveBeenCalledWith('app://allv/index.html')
    expect(fake.options.show).toBe(false)
    fake.emit('ready-to-show')
    expect(fake.show).toHaveBeenCalled()
  })

  it('focuses a live window and ignores a missing or destroyed one', () => {
    const fake = new electron.FakeBrowserWindow({})
    focusWindow(fake as never)
    expect(fake.focus).toHaveBeenCalledTimes(1)

    fake.destroyed = true
    focusWindow(fake as never)
    focusWindow(null)
    expect(fake.focus).toHaveBeenCalledTimes(1)
  })
})

describe('navigation and new windows', () => {
  it('allows navigation within the app origin', () => {
    const { contents } = guarded()
    const event = fakeEvent({ url: 'app://allv/index.html#/runs' })

    contents.emit('will-navigate', event)

    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it.each([
    'https://evil.example/',
    'app://evil/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://localhost:5173/',
    'not a url',
  ])('prevents navigation and redirects to %s', (url) => {
    const { contents } = guarded()
    const navigate = fakeEvent({ url })
    const redirect = fakeEvent({ url })

    contents.emit('will-navigate', navigate)
    contents.emit('will-redirect', redirect)

    expect(navigate.preventDefault).toHaveBeenCalled()
    expect(redirect.preventDefault).toHaveBeenCalled()
  })

  it('denies every new window and sends its URL through the openExternal guard', async () => {
    const { contents, openExternal } = guarded()

    expect(contents.windowOpenHandler?.({ url: 'https://docs.example/' })).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({
      action: 'deny',
    })
    expect(openExternal.mock.calls).toEqual([['https://docs.example/'], ['file:///etc/passwd']])
  })

  it('logs a refused new window by scheme only', async () => {
    const { contents, openExternal, lines } = guarded()
    contents.windowOpenHandler?.({ url: 'file:///home/someone/CANARY' })
    await openExternal.mock.results[0]?.value.catch(() => {})
    await Promise.resolve()

    expect(lines.join('\n')).toContain('"scheme":"file"')
    expect(lines.join('\n')).not.toContain('CANARY')
  })

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded()
    const event = fakeEvent()

    contents.emit('will-attach-webview', event, {}, {})

    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('the session', () => {
  const session = electron.session.defaultSession

  it('denies every permission request and check', () => {
    guardSession(session as never, CONTENT_SECURITY_POLICY)
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => void
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => boolean
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean

    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn()
      request({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(check({}, permission, 'app://allv', {})).toBe(false)
    }
    expect(device()).toBe(false)
  })

  it('puts the CSP header on every response, replacing one the response brought', () => {
    guardSession(session as never, CONTENT_SECURITY_POLICY)
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]?.[0]
    const callback = vi.fn()

    listener?.({ responseHeaders: { 'Content-Security-Policy': ['script-src *'] } }, callback)

    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    })
  })
})
