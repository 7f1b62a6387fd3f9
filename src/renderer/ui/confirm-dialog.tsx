import { useState, type ReactNode } from 'react'
import { Dialog } from './dialog'

interface ConfirmDialogProps {
  title: string
  description: ReactNode
  /** The confirming button's name, e.g. "Disconnect" or "Delete". */
  confirmLabel: string
  /** The button that backs out, e.g. "Keep editing"; "Cancel" when not given. */
  cancelLabel?: string
  onConfirm(): Promise<void> | void
  onClose(): void
}

/** Asks before something that cannot be undone; the confirming button is styled as danger. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, description, confirmLabel, cancelLabel = 'Cancel', onConfirm, onClose } = props
  const [busy, setBusy] = useState(false)

  const handleConfirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
      onClose()
    }
  }

  return (
    <Dialog title={title} description={description} onClose={onClose} size="small">
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          {cancelLabel}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void handleConfirm()}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
