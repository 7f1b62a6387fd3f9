import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { PlatformAdapters } from '../compose'
import { systemClock } from '../platform/clock'
import { AllvError, isAllvError } from '../platform/errors'
import type { LogSink } from '../platform/logger'
import { createSystemSecretStore } from '../secrets/keytar-secret-store'
import type { SecretStore } from '../secrets/secret-store'
import type { Write } from './cli-output'

/** The log file of the command line, inside the data folder. */
export const CLI_LOG_FILE = 'cli.log'

/**
 * The command line's platform adapters: the shared data folder, the system keychain, log lines
 * in a file (or on standard error with `verbose`), and no browser.
 */
export function createCliAdapters(options: {
  dataDir: string
  verbose: boolean
  stderr: Write
}): PlatformAdapters {
  const { dataDir, stderr } = options
  return {
    dataDir,
    // The command line cannot finish an OAuth sign-in: the provider sends the browser back to
    // the app's com.allv.desktop: link, which only the app receives.
    openExternal: async (url) => {
      stderr(
        `allv would open this page in your browser:\n  ${url}\n` +
          'Connecting accounts happens in the allv app; the command line does not connect them.\n',
      )
    },
    secrets: explainNativeModuleFailure(createSystemSecretStore()),
    logSink: options.verbose ? (line) => stderr(`${line}\n`) : fileLogSink(dataDir),
    clock: systemClock,
  }
}

/** Appends log lines to cli.log in the data folder, so they never mix with a command's output. */
export function fileLogSink(dataDir: string): LogSink {
  const path = join(dataDir, CLI_LOG_FILE)
  let folderMade = false
  return (line) => {
    try {
      if (!folderMade) mkdirSync(dataDir, { recursive: true })
      folderMade = true
      appendFileSync(path, `${line}\n`)
    } catch {
      // A log that cannot be written must not fail the run it describes; the line is dropped.
    }
  }
}

const rebuildMessage =
  'The keychain module was built for Electron (npm start does that), so plain Node cannot ' +
  'load it. Run "npm rebuild keytar better-sqlite3", then try again.'

/**
 * keytar is a native module; after `npm start` it is built for Electron and fails to load in
 * Node. The store calls that KEYCHAIN_UNAVAILABLE, which would send a person to unlock a
 * keychain that is fine, so the command line says what is really wrong.
 */
function explainNativeModuleFailure(store: SecretStore): SecretStore {
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args)
      } catch (error) {
        if (!isAllvError(error, 'KEYCHAIN_UNAVAILABLE') || !builtForAnotherRuntime(error.cause)) {
          throw error
        }
        throw new AllvError('KEYCHAIN_UNAVAILABLE', rebuildMessage, { cause: error })
      }
    }
  return { get: guarded(store.get), set: guarded(store.set), delete: guarded(store.delete) }
}

const builtForAnotherRuntime = (error: unknown) =>
  error instanceof Error &&
  ((error as { code?: unknown }).code === 'ERR_DLOPEN_FAILED' ||
    error.message.includes('NODE_MODULE_VERSION'))
