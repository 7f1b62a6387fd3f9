import { mkdirSync } from 'node:fs'
import { z } from 'zod'
import { createConnectionService, type ConnectionsDocument } from './connections'
import { createDeepLinkRouter } from './deep-links'
import type { Clock } from './platform/clock'
import { createLogger, type LogSink } from './platform/logger'
import type { SecretStore } from './secrets/secret-store'
import type { Services } from './services'
import { openJsonStore, type JsonBackendFactory } from './storage/json-store'
import { openRunJournal } from './storage/run-journal'
import { createWorkflowService } from './workflows/workflow-service'
import { openWorkflowsFile } from './workflows/workflow-store'

/** What differs between the Electron app, the command line and the test harness. */
export interface PlatformAdapters {
  /** The folder for settings, workflows and the run journal (never secrets). */
  dataDir: string
  /** Opens a URL in the person's system browser. */
  openExternal(url: string): Promise<void>
  /** The OS keychain. */
  secrets: SecretStore
  /** Makes the JSON file backend; the app passes electron-store, elsewhere plain conf. */
  createJsonBackend?: JsonBackendFactory
  /** Where log lines go; standard error when absent. */
  logSink?: LogSink
  clock?: Clock
  fetch?: typeof fetch
}

// Records only: the keychain holds every secret, and the registry checks each record it reads.
const ConnectionsFile = z.object({
  connections: z.record(z.string(), z.looseObject({ id: z.string(), providerId: z.string() })),
}) as unknown as z.ZodType<ConnectionsDocument>

/** Builds the whole service graph from the platform adapters; every host calls this. */
export async function createServices(adapters: PlatformAdapters): Promise<Services> {
  const { dataDir, clock, fetch } = adapters
  mkdirSync(dataDir, { recursive: true })
  const logger = createLogger(adapters.logSink ?? ((line) => process.stderr.write(`${line}\n`)))
  const createBackend = adapters.createJsonBackend

  const connectionsFile = openJsonStore({
    dataDir,
    name: 'connections',
    schema: ConnectionsFile,
    defaults: { connections: {} },
    logger: logger.child('storage'),
    clock,
    createBackend,
  })
  const connections = createConnectionService({
    store: connectionsFile,
    secrets: adapters.secrets,
    // The host's guarded opener (https, or loopback http), not Electron's shell.
    openExternal: (url) => adapters.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    fetch,
    clock,
    logger,
  })
  const workflows = createWorkflowService({
    store: openWorkflowsFile({ dataDir, logger: logger.child('storage'), clock, createBackend }),
    journal: openRunJournal({ dataDir, clock, logger: logger.child('journal') }),
    connections,
    fetch,
    clock,
    logger,
  })
  const deepLinks = createDeepLinkRouter({
    onOAuthCallback: (link) => connections.handleOAuthCallback(link),
    logger,
  })

  return {
    connections,
    workflows,
    logger,
    notices: () =>
      [connectionsFile.recovery?.message, ...connections.notices(), ...workflows.notices()].filter(
        isText,
      ),
    handleDeepLink: (url) => deepLinks.handle(url),
    close: () => workflows.close(),
  }
}

const isText = (value: string | undefined): value is string => value !== undefined
