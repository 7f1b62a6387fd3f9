import { useState } from 'react'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { ConnectDialog, needsConnectForm } from './connect-dialog'
import { useConnectionsStore } from './connections-store'
import type { Tile, TileStatus } from './tiles'

interface TileActionsProps {
  tile: Tile
  status: TileStatus
}

/** The buttons at the foot of a tile, and the dialogs they open. */
export function TileActions({ tile, status }: TileActionsProps) {
  const startOAuth = useConnectionsStore((state) => state.startOAuth)
  const check = useConnectionsStore((state) => state.check)
  const disconnect = useConnectionsStore((state) => state.disconnect)
  const setMessage = useConnectionsStore((state) => state.setMessage)
  const [dialog, setDialog] = useState<'connect' | 'reconnect' | 'disconnect' | null>(null)
  const [checking, setChecking] = useState(false)
  const connection = tile.connection

  const openConnect = (reconnecting: boolean) => {
    if (needsConnectForm(tile.entry, reconnecting)) {
      setDialog(reconnecting ? 'reconnect' : 'connect')
      return
    }
    const connectionId = reconnecting ? connection?.id : undefined
    startOAuth({ providerId: tile.entry.id, connectionId }, tile.key).catch((error: Error) =>
      setMessage(tile.key, { tone: 'error', text: error.message }),
    )
  }

  const handleCheck = async (connectionId: string) => {
    setChecking(true)
    await check(connectionId, tile.key)
    setChecking(false)
  }

  if (status === 'connecting') return null
  const unhealthy = status === 'needsReconnect' || status === 'error'

  return (
    <div className="tile-actions">
      {(!connection || tile.adds) && (
        <button
          type="button"
          className="btn btn-small btn-primary"
          onClick={() => openConnect(false)}
        >
          Connect
        </button>
      )}
      {connection && unhealthy && (
        <button
          type="button"
          className="btn btn-small btn-primary"
          onClick={() => openConnect(true)}
        >
          Reconnect
        </button>
      )}
      {connection && (
        <>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void handleCheck(connection.id)}
            disabled={checking}
          >
            {checking ? 'Checking…' : 'Check'}
          </button>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => setDialog('disconnect')}
          >
            Disconnect
          </button>
        </>
      )}
      {(dialog === 'connect' || dialog === 'reconnect') && (
        <ConnectDialog
          entry={tile.entry}
          tileKey={tile.key}
          title={tile.title}
          connectionId={dialog === 'reconnect' ? connection?.id : undefined}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'disconnect' && connection && (
        <ConfirmDialog
          title={`Disconnect ${tile.title}?`}
          description="allv deletes the credential from your keychain and revokes it at the provider where it can. Workflows that use this connection stop working until you connect again."
          confirmLabel="Disconnect"
          onConfirm={() => disconnect(connection.id, tile.key)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}
