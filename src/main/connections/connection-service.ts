import type { ConnectionView, OAuthFlowEnded } from '../../shared/connections'
import { systemClock, type Clock } from '../platform/clock'
import { AllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { ConnectionService, RequestCredentials } from '../services'
import type { KeyValueStore } from '../storage/key-value-store'
import { apiKeyHeaders, connectWithApiKey } from './api-key-connect'
import { createCatalog, toCatalogEntryView, type Catalog } from './catalog'
import type { CatalogEntry } from './catalog-types'
import { checkConnection } from './connection-check'
import { secretKeys, toConnectionView } from './connection-record'
import {
  createConnectionRegistry,
  type ConnectionRegistry,
  type ConnectionsDocument,
} from './connection-registry'
import type { ConnectionsContext } from './connections-context'
import { disconnectConnection } from './disconnect'
import { cancelOAuthFlow, startOAuthFlow } from './oauth-authorize'
import { completeOAuthFlow } from './oauth-callback'
import type { FetchLike } from './oauth-wire'
import { createPendingFlows } from './pending-flows'
import { createTokenRefresher } from './token-refresher'

/** What the connections service is built from; the platform adapters differ per host. */
export interface ConnectionServiceOptions {
  store: KeyValueStore<ConnectionsDocument>
  secrets: SecretStore
  /** Opens a URL in the system browser (Electron's shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void> | void
  fetch?: FetchLike
  clock?: Clock
  logger: Logger
  /** The providers offered; the built-in catalog unless a test brings its own. */
  catalog?: readonly CatalogEntry[]
}

const emitTo = <T>(listeners: Set<(value: T) => void>, value: T, logger: Logger) => {
  for (const listener of listeners) {
    try {
      listener(value)
    } catch (error) {
      logger.error('A connections listener threw', { error })
    }
  }
}

/** The connections service plus what its owner reports at start. */
export type ManagedConnectionService = ConnectionService & {
  /** Sentences about connections the service could not read, for the UI to show once. */
  notices(): string[]
}

/** Names the records the registry left out, so the person knows a tile went missing and why. */
const unreadableNotice = (registry: ConnectionRegistry, catalog: Catalog): string | null => {
  const records = registry.unreadable()
  if (records.length === 0) return null

  const known = new Map(catalog.entries().map((entry) => [entry.id, entry.name]))
  const names = [...new Set(records.map((record) => known.get(record.providerId ?? '')))]
  const named = names.filter((name) => name !== undefined)
  const which = named.length > 0 ? ` (${named.join(', ')})` : ''
  return records.length === 1
    ? `1 connection in connections.json${which} could not be read and was left as it is; ` +
        'reconnect it from its tile.'
    : `${records.length} connections in connections.json${which} could not be read and were ` +
        'left as they are; reconnect them from their tiles.'
}

/** Builds the connections service: catalog, OAuth and API-key connects, refresh, disconnect. */
export function createConnectionService(
  options: ConnectionServiceOptions,
): ManagedConnectionService {
  const logger = options.logger.child('connections')
  const clock = options.clock ?? systemClock
  const changed = new Set<(connections: ConnectionView[]) => void>()
  const flowEnded = new Set<(event: OAuthFlowEnded) => void>()
  const registry = createConnectionRegistry(options.store, options.secrets, logger)
  const views = () => registry.list().map(toConnectionView)

  const context: ConnectionsContext = {
    catalog: createCatalog(options.catalog),
    registry,
    flows: createPendingFlows(clock),
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    logger: options.logger.child('oauth'),
    openExternal: options.openExternal,
    notifyChanged: () => emitTo(changed, views(), logger),
    notifyFlowEnded: (event) => emitTo(flowEnded, event, logger),
    nowIso: () => new Date(clock.now()).toISOString(),
  }
  const refresher = createTokenRefresher(context)
  const handleOAuthCallback = (link: Parameters<typeof completeOAuthFlow>[1]) =>
    completeOAuthFlow(context, link)

  const credentialsFor = async (
    connectionId: string,
    request: { afterUnauthorized?: boolean } = {},
  ): Promise<RequestCredentials> => {
    const record = registry.require(connectionId)
    if (record.apiKey) {
      const key = await registry.readSecret(secretKeys.apiKey(connectionId))
      if (key === null) {
        throw new AllvError(
          'NEEDS_RECONNECT',
          `The key of "${record.label}" is missing; paste it again.`,
        )
      }
      return { headers: apiKeyHeaders(record.apiKey, key), baseUrl: record.apiKey.baseUrl || null }
    }
    const token = await refresher.accessTokenFor(connectionId, request.afterUnauthorized ?? false)
    const { apiBaseUrl } = context.catalog.require(record.providerId)
    return { headers: { Authorization: `Bearer ${token}` }, baseUrl: apiBaseUrl }
  }

  return {
    listCatalog: () => context.catalog.entries().map(toCatalogEntryView),
    list: async () => views(),
    startOAuth: (request) => startOAuthFlow(context, request, handleOAuthCallback),
    cancelOAuth: (flowId) => cancelOAuthFlow(context, flowId),
    handleOAuthCallback,
    connectApiKey: async (request) => toConnectionView(await connectWithApiKey(context, request)),
    check: async (connectionId) =>
      toConnectionView(await checkConnection(context, refresher, connectionId)),
    disconnect: (connectionId) => disconnectConnection(context, connectionId),
    credentialsFor,
    notices: () => [unreadableNotice(registry, context.catalog)].filter((text) => text !== null),
    onChanged: (listener) => {
      changed.add(listener)
      return () => changed.delete(listener)
    },
    onFlowEnded: (listener) => {
      flowEnded.add(listener)
      return () => flowEnded.delete(listener)
    },
  }
}
