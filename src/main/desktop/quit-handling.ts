import { app } from 'electron'
import type { Logger } from '../platform/logger'

/**
 * Holds the quit until the services have closed (runs settle, journals flush), once; quitting
 * again while they close does not start a second close.
 */
export function closeServicesBeforeQuit(
  close: () => Promise<void> | undefined,
  logger: Logger,
): void {
  let state: 'running' | 'closing' | 'closed' = 'running'

  app.on('before-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    Promise.resolve(close())
      .catch((error: unknown) => logger.error('closing the services failed', { error }))
      .finally(() => {
        state = 'closed'
        app.quit()
      })
  })

  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit()
  })
}
