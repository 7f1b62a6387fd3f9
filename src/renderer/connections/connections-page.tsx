import { useMemo } from 'react'
import { InlineAlert } from '../ui/inline-alert'
import { ConnectionTile } from './connection-tile'
import { useConnectionsStore } from './connections-store'
import { KeychainBanner } from './keychain-banner'
import { buildTiles } from './tiles'

/** The grid of apps: one tile per catalog entry, plus one per extra connection. */
export function ConnectionsPage() {
  const catalog = useConnectionsStore((state) => state.catalog)
  const connections = useConnectionsStore((state) => state.connections)
  const loaded = useConnectionsStore((state) => state.loaded)
  const loadError = useConnectionsStore((state) => state.loadError)
  const tiles = useMemo(() => buildTiles(catalog, connections), [catalog, connections])

  return (
    <div className="page-content">
      <KeychainBanner />
      {loadError && <InlineAlert title="Could not load your connections">{loadError}</InlineAlert>}
      {!loaded && <p className="muted">Loading connections…</p>}
      <section className="tile-grid" aria-label="Apps">
        {tiles.map((tile) => (
          <ConnectionTile key={tile.key} tile={tile} />
        ))}
      </section>
    </div>
  )
}
