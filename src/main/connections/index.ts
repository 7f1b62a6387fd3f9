/** The public surface of the connections capability. */
export {
  createConnectionService,
  type ConnectionServiceOptions,
  type ManagedConnectionService,
} from './connection-service'
export type { ConnectionsDocument } from './connection-registry'
export type { CatalogEntry } from './catalog-types'
export { defaultCatalogEntries } from './catalog'
