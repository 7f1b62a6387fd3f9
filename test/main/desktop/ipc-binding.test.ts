import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as electron from './fake-electron'
import { invokeChannels, type InvokeChannel } from '../../../src/shared/ipc-contract'
import { resolveAppOrigin } from '../../../src/main/desktop/app-origin'
import {
  bindInvokeHandlers,
  isTrustedSender,
  sendContractEvent,
  type InvokeHandlers,
} from '../../../src/main/desktop/ipc-binding'
import { createLogger } from '../../../src/main/platform/logger'

vi.mock('electron', () => import('./fake-electron'))

const origin = resolveAppOrigin({ isPackaged: true })

function setUp() {
  const window = new electron.FakeBrowserWindow({})
  window.webContents.mainFrame.url = 'app://allv/index.html'
  const handlers = Object.fromEntries(
    invokeChannels.map((channel) => [channel, vi.fn(async () => ({ ok: true, value: channel }))]),
  ) as unknown as Record<InvokeChannel, ReturnType<typeof vi.fn>>
  const lines: string[] = []
  const unbind = bindInvokeHandlers({
    ipcMain: electron.ipcMain as never,
    handlers: handlers as unknown as InvokeHandlers,
    isTrusted: (event) => isTrustedSender(event, window as never, origin),
    logger: createLogger((line) => lines.push(line)),
  })
  const fromMainFrame = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
  const call = (channel: string, event: object, payload?: unknown) => {
    const handler = electron.ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, payload)
  }
  return { window, handlers, lines, unbind, fromMainFrame, call }
}

beforeEach(() => electron.resetFakeElectron())

describe('the IPC binding', () => {
  it('registers exactly the contract channels, and unbinding removes them all', () => {
    const { unbind } = setUp()

    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort())
    unbind()
    expect(electron.ipcMain.handlers.size).toBe(0)
  })

  it('passes a valid call from our main frame to its handler', async () => {
    const { call, fromMainFrame, handlers } = setUp()

    const result = await call('connections:check', fromMainFrame, { connectionId: 'c1' })

    expect(result).toEqual({ ok: true, value: 'connections:check' })
    expect(handlers['connections:check']).toHaveBeenCalledWith({ connectionId: 'c1' })
  })

  it('strips fields the contract does not name before the handler sees them', async () => {
    const { call, fromMainFrame, handlers } = setUp()

    await call('runs:get', fromMainFrame, { runId: 'r1', __proto__: { admin: true }, extra: 1 })

    expect(handlers['runs:get']).toHaveBeenCalledWith({ runId: 'r1' })
  })

  it('answers INVALID_INPUT for a payload the contract refuses, skipping the handler', async () => {
    const { call, fromMainFrame, handlers } = setUp()

    const result = await call('connections:check', fromMainFrame, { connectionId: 42 })

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(handlers['connections:check']).not.toHaveBeenCalled()
  })

  it('refuses a channel the contract does not list', () => {
    const { call, fromMainFrame } = setUp()

    expect(() => call('secrets:dump', fromMainFrame)).toThrow(/No handler/)
  })

  it('refuses a call from a page of another origin', async () => {
    const { call, window, handlers } = setUp()
    window.webContents.mainFrame.url = 'https://evil.example/'
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame }

    await expect(call('catalog:list', event)).rejects.toThrow(/untrusted sender/)
    expect(handlers['catalog:list']).not.toHaveBeenCalled()
  })

  it('refuses a call from a subframe, even one on the app origin', async () => {
    const { call, window, lines } = setUp()
    const main = window.webContents.mainFrame
    const subframe = { url: 'app://allv/index.html', parent: main, frameTreeNodeId: 999 }

    await expect(
      call('catalog:list', { sender: window.webContents, senderFrame: subframe }),
    ).rejects.toThrow(/untrusted sender/)
    expect(lines.join('\n')).toContain('untrusted-sender')
  })

  it('refuses another webContents, a gone frame and a closed window', async () => {
    const { call, window, fromMainFrame } = setUp()
    const other = new electron.FakeBrowserWindow({}).webContents
    other.mainFrame.url = 'app://allv/index.html'

    await expect(
      call('catalog:list', { sender: other, senderFrame: other.mainFrame }),
    ).rejects.toThrow(/untrusted/)
    await expect(
      call('catalog:list', { sender: window.webContents, senderFrame: null }),
    ).rejects.toThrow(/untrusted/)
    window.destroyed = true
    await expect(call('catalog:list', fromMainFrame)).rejects.toThrow(/untrusted/)
  })
})

describe('sendContractEvent', () => {
  const run = {
    id: 'r1',
    workflowId: 'w1',
    workflowName: 'Daily digest',
    status: 'running',
    trigger: 'manual',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: null,
    error: null,
  }

  it('sends the payload as the contract shapes it, dropping fields it does not name', () => {
    const window = new electron.FakeBrowserWindow({})

    sendContractEvent(window as never, 'runs:changed', { ...run, accessToken: 'CANARY' })

    expect(window.webContents.send).toHaveBeenCalledWith('runs:changed', run)
  })

  it('sends nothing to a closed window', () => {
    const window = new electron.FakeBrowserWindow({})
    window.destroyed = true

    sendContractEvent(window as never, 'runs:changed', run)
    sendContractEvent(null, 'runs:changed', run)

    expect(window.webContents.send).not.toHaveBeenCalled()
  })
})
