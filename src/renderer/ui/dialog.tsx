import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from 'react'
import { createPortal } from 'react-dom'
import './dialog.css'

interface DialogProps {
  title: string
  description?: ReactNode
  onClose(): void
  children: ReactNode
  /** Wider dialogs for forms with many fields. */
  size?: 'small' | 'medium'
}

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, moves it inside, and turns
 * Esc into a `cancel` event, which closes through `onClose` so React state stays the truth.
 * Rendered into `document.body`, so a dialog opened from a tile or a form is not inside it.
 */
export function Dialog({ title, description, onClose, children, size = 'medium' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      opener?.focus()
    }
  }, [])

  const handleCancel = (event: SyntheticEvent) => {
    event.preventDefault()
    onClose()
  }

  return createPortal(
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={handleCancel}
    >
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {description && (
          <p id={descriptionId} className="dialog-description">
            {description}
          </p>
        )}
      </header>
      {children}
    </dialog>,
    document.body,
  )
}
