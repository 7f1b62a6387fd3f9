import type { OAuthFlowEnded } from '../../shared/connections'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/logger'
import type { Catalog } from './catalog'
import type { ConnectionRegistry } from './connection-registry'
import type { FetchLike } from './oauth-wire'
import type { PendingFlows } from './pending-flows'

/** What the parts of the connections service share; built once by the service factory. */
export interface ConnectionsContext {
  catalog: Catalog
  registry: ConnectionRegistry
  flows: PendingFlows
  fetch: FetchLike
  clock: Clock
  logger: Logger
  /** Opens a URL in the system browser, never in an app window (RFC 8252 §8.12). */
  openExternal: (url: string) => Promise<void> | void
  /** Tells listeners the list of connections changed. */
  notifyChanged(): void
  /** Tells listeners how a flow ended. */
  notifyFlowEnded(event: OAuthFlowEnded): void
  /** The current time as an ISO string, for record timestamps. */
  nowIso(): string
}
