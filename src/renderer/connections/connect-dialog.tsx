import type { CatalogEntryView } from '../../shared/connections'
import { Dialog } from '../ui/dialog'
import { ApiKeyForm } from './api-key-form'
import { OAuthForm } from './oauth-form'

interface ConnectDialogProps {
  entry: CatalogEntryView
  tileKey: string
  /** The tile's name, used in the title when reconnecting. */
  title: string
  /** Set to repair this connection in place rather than add one. */
  connectionId?: string
  onClose(): void
}

/** The form a tile opens to connect or reconnect, chosen by the entry's kind of auth. */
export function ConnectDialog({
  entry,
  tileKey,
  title,
  connectionId,
  onClose,
}: ConnectDialogProps) {
  const heading = connectionId ? `Reconnect ${title}` : `Connect ${entry.name}`
  const Form = entry.authKind === 'oauth2' ? OAuthForm : ApiKeyForm
  return (
    <Dialog title={heading} description={entry.description} onClose={onClose}>
      <Form entry={entry} tileKey={tileKey} connectionId={connectionId} onDone={onClose} />
    </Dialog>
  )
}

/** Whether connecting this entry needs a form, or can go straight to the browser. */
export function needsConnectForm(entry: CatalogEntryView, reconnecting: boolean): boolean {
  if (entry.authKind === 'apiKey') return true
  if (reconnecting) return false
  return entry.generic || entry.needsClientId
}
