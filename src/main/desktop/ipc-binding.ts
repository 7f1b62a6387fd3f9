import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ZodType } from 'zod'
import {
  eventContract,
  invokeChannels,
  type EventName,
  type InvokeChannel,
  type IpcResult,
} from '../../shared/ipc-contract'
import { parseRequest } from '../ipc/parse-request'
import type { Logger } from '../platform/logger'
import type { AppOrigin } from './app-origin'

/** One handler per contract channel, as `createIpcHandlers` in src/main/ipc builds them. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (payload: unknown) => Promise<IpcResult<unknown>>
}

/**
 * Whether an IPC call comes from our renderer (security checklist #17): the main frame of
 * our window, showing a page of the app origin. A subframe, another window or a page that
 * navigated elsewhere is refused, whatever it sends.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null,
  origin: AppOrigin,
): boolean {
  const frame = event.senderFrame
  if (!window || window.isDestroyed() || !frame) return false
  if (event.sender.id !== window.webContents.id) return false
  // Compared by frame id rather than identity: Electron may hand out a fresh wrapper object.
  if (frame.parent !== null) return false
  if (frame.frameTreeNodeId !== window.webContents.mainFrame.frameTreeNodeId) return false
  return origin.contains(frame.url)
}

/**
 * Registers `ipcMain.handle` for exactly the contract's channels. Each call is refused unless
 * its sender is trusted, and its payload is validated against the contract before a handler
 * sees it. Returns a function that removes every handler.
 */
export function bindInvokeHandlers(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  handlers: InvokeHandlers
  isTrusted(event: IpcMainInvokeEvent): boolean
  logger: Logger
}): () => void {
  const { ipcMain, handlers, logger } = options

  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!options.isTrusted(event)) {
        logger.warn('ipc call refused', { channel, reason: 'untrusted-sender' })
        throw new Error(`IPC call on ${channel} refused: untrusted sender`)
      }
      const request = parseRequest(channel, payload)
      if (!request.ok) {
        logger.warn('ipc call refused', { channel, reason: 'invalid-payload' })
        return request
      }
      return handlers[channel](request.value)
    })
  }
  return () => invokeChannels.forEach((channel) => ipcMain.removeHandler(channel))
}

/**
 * Sends a contract event to the window's main frame. The payload is parsed by the event's
 * schema on the way out, so a field the contract does not name never reaches the renderer.
 */
export function sendContractEvent(
  window: BrowserWindow | null,
  event: EventName,
  payload: unknown,
): void {
  if (!window || window.isDestroyed()) return
  window.webContents.send(event, (eventContract[event] as ZodType).parse(payload))
}
