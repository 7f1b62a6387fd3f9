import type { CSSProperties } from 'react'
import { StatusBadge, type BadgeTone } from '../ui/status-badge'
import { useConnectionsStore } from './connections-store'
import { FlowWaiting } from './flow-waiting'
import { TileActions } from './tile-actions'
import { TileFacts } from './tile-facts'
import { statusText, tileStatus, type Tile, type TileStatus } from './tiles'

const tones: Record<TileStatus, BadgeTone> = {
  notConnected: 'neutral',
  connecting: 'progress',
  connected: 'success',
  needsReconnect: 'warning',
  error: 'danger',
}

/** One app on the Connections page: who it is, how it stands, and what can be done. */
export function ConnectionTile({ tile }: { tile: Tile }) {
  const flow = useConnectionsStore((state) =>
    Object.values(state.flows).find((pending) => pending.tileKey === tile.key),
  )
  const message = useConnectionsStore((state) => state.messages[tile.key])
  const status = tileStatus(tile, flow !== undefined)
  const { entry, connection } = tile
  const accent = { '--tile-accent': entry.color } as CSSProperties

  return (
    <article className={`tile tile-${status}`} aria-label={tile.title}>
      <header className="tile-head">
        <div className="tile-icon" style={accent} aria-hidden="true">
          {entry.icon}
        </div>
        <div className="tile-heading">
          <h3 className="tile-name" title={tile.title}>
            {tile.title}
          </h3>
          <p className="tile-category">{tile.extra ? entry.name : entry.category}</p>
        </div>
        <StatusBadge tone={tones[status]} testId="connection-status">
          {badgeText(tile, status)}
        </StatusBadge>
      </header>
      <div className="tile-body">
        {connection ? (
          <TileFacts connection={connection} />
        ) : (
          <p className="tile-description">{entry.description}</p>
        )}
        {flow && <FlowWaiting flow={flow} />}
        {message && !flow && (
          <p
            className={`tile-message tile-message-${message.tone}`}
            role={message.tone === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
      </div>
      <TileActions tile={tile} status={status} />
    </article>
  )
}

function badgeText(tile: Tile, status: TileStatus): string {
  if (tile.adds && status === 'notConnected' && tile.connectionCount > 0) {
    return `${tile.connectionCount} connected`
  }
  return statusText[status]
}
