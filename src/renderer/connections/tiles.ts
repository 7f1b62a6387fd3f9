import type { CatalogEntryView, ConnectionView } from '../../shared/connections'

/** What a tile shows as its status; `connecting` while an OAuth flow waits in the browser. */
export type TileStatus = 'notConnected' | 'connecting' | 'connected' | 'needsReconnect' | 'error'

/** One tile of the grid: a catalog entry, and the connection it stands for, if any. */
export interface Tile {
  /** Stable across renders: `entry:<providerId>` or `connection:<connectionId>`. */
  key: string
  /** The tile's accessible name: the catalog name, or the connection's label. */
  title: string
  entry: CatalogEntryView
  connection: ConnectionView | null
  /** True for the tile of a generic entry, which adds another connection each time. */
  adds: boolean
  /** True for a connection's own tile, shown after its entry's. */
  extra: boolean
  /** For a generic entry's tile: how many connections it already has. */
  connectionCount: number
}

/** The words each status is shown with; status is never told by colour alone. */
export const statusText: Record<TileStatus, string> = {
  notConnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  needsReconnect: 'Needs reconnect',
  error: 'Error',
}

/** The tile key an entry's own tile uses. */
export function entryTileKey(providerId: string): string {
  return `entry:${providerId}`
}

/**
 * Lays out the grid: one tile per catalog entry, in catalog order. A catalog entry's tile shows
 * its first connection; a generic entry's tile always adds a new one. Every other connection gets
 * its own tile right after its entry's.
 */
export function buildTiles(catalog: CatalogEntryView[], connections: ConnectionView[]): Tile[] {
  return catalog.flatMap((entry) => {
    const own = connections.filter((connection) => connection.providerId === entry.id)
    const shown = entry.generic ? null : (own[0] ?? null)
    const extras = entry.generic ? own : own.slice(1)
    const entryTile: Tile = {
      key: entryTileKey(entry.id),
      title: entry.name,
      entry,
      connection: shown,
      adds: entry.generic,
      extra: false,
      connectionCount: own.length,
    }
    return [entryTile, ...extras.map((connection) => connectionTile(entry, connection))]
  })
}

function connectionTile(entry: CatalogEntryView, connection: ConnectionView): Tile {
  return {
    key: `connection:${connection.id}`,
    title: connection.label.trim() || connection.account || entry.name,
    entry,
    connection,
    adds: false,
    extra: true,
    connectionCount: 1,
  }
}

/** The status a tile shows, given whether a browser flow is waiting for it. */
export function tileStatus(tile: Tile, connecting: boolean): TileStatus {
  if (connecting) return 'connecting'
  return tile.connection?.status ?? 'notConnected'
}
