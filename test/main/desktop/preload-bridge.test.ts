import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import * as electron from './fake-electron'
import { eventNames, invokeChannels } from '../../../src/shared/ipc-contract'
import { createAllvApi, type AllvBridge } from '../../../src/shared/api-client'

vi.mock('electron', () => import('./fake-electron'))

function leaves(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'function' ? [`${prefix}${key}`] : leaves(inner as object, `${prefix}${key}.`),
  )
}

let allv: AllvBridge
beforeAll(async () => {
  electron.resetFakeElectron()
  // The preload runs once per page, as a side effect of being loaded.
  await import('../../../src/preload/index')
  allv = electron.contextBridge.exposed.get('allv') as AllvBridge
})
beforeEach(() => {
  vi.clearAllMocks()
  electron.ipcRenderer.removeAllListeners()
})

describe('the preload', () => {
  it('exposes only window.allv, made of named functions, one per contract entry', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['allv'])
    expect(leaves(allv)).toHaveLength(invokeChannels.length + eventNames.length)
    expect(leaves(allv).some((name) => /ipc|invoke|send|emit|on$/i.test(name))).toBe(false)
  })

  it('calls each channel by name and hands back the result envelope', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] })

    await expect(allv.connections.list()).resolves.toEqual({ ok: true, value: [] })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('connections:list', undefined)
  })

  it('keeps an error as data across the bridge, so the renderer can throw it with its code', async () => {
    const refusal = { ok: false, error: { code: 'NOT_FOUND', message: 'No such run.' } }
    electron.ipcRenderer.invoke.mockResolvedValue(refusal)

    await expect(allv.runs.get({ runId: 'r1' })).resolves.toEqual(refusal)
    await expect(createAllvApi(allv).runs.get({ runId: 'r1' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such run.',
    })
  })

  it('hands listeners the payload only, never the Electron event, and unsubscribes', () => {
    const listener = vi.fn()
    const unsubscribe = allv.runs.onChanged(listener)
    const event = { sender: electron.ipcRenderer, senderId: 0 }

    electron.ipcRenderer.emit('runs:changed', event, { id: 'r1' })
    expect(listener.mock.calls).toEqual([[{ id: 'r1' }]])

    unsubscribe()
    electron.ipcRenderer.emit('runs:changed', event, { id: 'r2' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(electron.ipcRenderer.listenerCount('runs:changed')).toBe(0)
  })

  it('keeps subscriptions apart: one unsubscribe removes only its own listener', () => {
    const first = vi.fn()
    const second = vi.fn()
    const stopFirst = allv.connections.onChanged(first)
    allv.connections.onChanged(second)

    stopFirst()
    electron.ipcRenderer.emit('connections:changed', {}, [])

    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledWith([])
  })
})
