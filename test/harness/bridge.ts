import { createAllvBridge, type IpcTransport } from '../../src/shared/api-client'
import type { EventName } from '../../src/shared/ipc-contract'

// The harness's stand-in for the preload: the same `createAllvBridge`, carried over loopback HTTP
// instead of Electron IPC, with events arriving as server-sent events.
const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
const events = new EventSource('/__allv/events')

events.onmessage = (message) => {
  const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown }
  listeners.get(event)?.forEach((listener) => listener(payload))
}

const transport: IpcTransport = {
  async invoke(channel, payload) {
    const response = await fetch(`/__allv/invoke/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload }),
    })
    return response.json()
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set.add(listener))
    return () => set.delete(listener)
  },
}

Object.defineProperty(window, 'allv', { value: createAllvBridge(transport), enumerable: true })
