import { app, ipcMain } from 'electron'
import ElectronStore from 'electron-store'
import type { PlatformAdapters } from '../compose'
import { systemClock } from '../platform/clock'
import { currentDataDirContext, defaultDataDir } from '../platform/data-dir'
import type { LogSink } from '../platform/logger'
import { createSystemSecretStore } from '../secrets/keytar-secret-store'
import type { JsonBackend, JsonBackendOptions } from '../storage/json-store'
import type { OpenExternal } from './open-external'

// electron-store answers this channel for renderers that use it directly; ours never do, and
// the contract is the only way in, so the listener is removed as soon as a store exists.
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data'

/**
 * The Electron side of the platform adapters for `createServices`: the data folder it shares
 * with the command line, the OS keychain through keytar, electron-store files, and the guarded
 * system browser.
 */
export function createDesktopAdapters(options: {
  openExternal: OpenExternal
  logSink: LogSink
}): PlatformAdapters {
  return {
    dataDir: defaultDataDir({ ...currentDataDirContext(), appData: app.getPath('appData') }),
    openExternal: options.openExternal,
    secrets: createSystemSecretStore(),
    createJsonBackend: createElectronStore,
    logSink: options.logSink,
    clock: systemClock,
  }
}

function createElectronStore({ configName, ...options }: JsonBackendOptions): JsonBackend {
  // electron-store names the file by `name` and overwrites conf's `configName` with it.
  const store = new ElectronStore<Record<string, unknown>>({ ...options, name: configName })
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL)
  return store
}
