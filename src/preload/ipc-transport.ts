import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { IpcTransport } from '../shared/api-client'

/**
 * The transport under `window.allv`: `invoke` for calls, and for events a listener that
 * receives the payload only. The Electron event (and its `sender`, an ipcRenderer) never
 * reaches the page (security checklist #20); each subscription returns its own unsubscribe.
 */
export function createIpcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  const transport: IpcTransport = {
    invoke: (channel, payload) => ipc.invoke(channel, payload),
    subscribe(event, listener) {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipc.on(event, forward)
      return () => {
        ipc.removeListener(event, forward)
      }
    },
  }
  return transport
}
