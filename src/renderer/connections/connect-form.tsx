import { useState, type FormEvent } from 'react'
import type { CatalogEntryView } from '../../shared/connections'
import type { Built, FormErrors } from './connect-requests'

/** What the connect dialog hands to either connect form. */
export interface ConnectFormProps {
  entry: CatalogEntryView
  tileKey: string
  connectionId?: string
  onDone(): void
}

/**
 * The submit of a connect form: shows the errors of the values, or sends the request and
 * closes; a failure stays on the form to be read and tried again.
 */
export function useConnectSubmit<Values, Request>(
  build: () => Built<Request, Values>,
  send: (request: Request) => Promise<unknown>,
  onDone: () => void,
) {
  const [errors, setErrors] = useState<FormErrors<Values>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const built = build()
    setErrors(built.errors ?? {})
    if (!built.request) return
    setFailure(null)
    setPending(true)
    try {
      await send(built.request)
      onDone()
    } catch (error) {
      setFailure((error as Error).message)
      setPending(false)
    }
  }

  return { errors, failure, pending, submit }
}

interface ConnectFormFooterProps {
  reconnecting: boolean
  pending: boolean
  /** The submit button's name while the request is on its way; unchanged when not given. */
  pendingLabel?: string
  /** A line of help to the left of the buttons. */
  footnote?: string
  onCancel(): void
}

/** Cancel, and the submit button named Connect or Reconnect, held back while pending. */
export function ConnectFormFooter(props: ConnectFormFooterProps) {
  const { reconnecting, pending, pendingLabel, footnote, onCancel } = props
  const label = reconnecting ? 'Reconnect' : 'Connect'

  return (
    <footer className="dialog-actions">
      {footnote && <p className="dialog-footnote">{footnote}</p>}
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending && pendingLabel ? pendingLabel : label}
      </button>
    </footer>
  )
}
