import { InlineAlert } from '../ui/inline-alert'
import { describeFaultPlace, type WorkflowFault } from './workflow-fault'
import type { EditorFailure } from './workflows-store'

const titles: Record<EditorFailure['action'], string> = {
  save: 'Could not save the workflow',
  delete: 'Could not delete the workflow',
  run: 'Could not start the run',
}

interface EditorErrorProps {
  error: EditorFailure
  /** Set for WORKFLOW_INVALID: where main's message points. */
  fault: WorkflowFault | null
  /** Moves focus to the control the fault is about. */
  onShowField(): void
}

/** Why a save, delete or run was refused; for an invalid workflow, where and what to fix. */
export function EditorError({ error, fault, onShowField }: EditorErrorProps) {
  if (!fault) return <InlineAlert title={titles[error.action]}>{error.message}</InlineAlert>
  const place = describeFaultPlace(fault.target)

  return (
    <InlineAlert title="This workflow can’t be saved yet">
      <span className="fault-summary">
        {place && <span className="fault-place">{place}: </span>}
        {fault.text}
        {fault.path && <code className="fault-path">{fault.path}</code>}
        {place && (
          <button type="button" className="btn-link" onClick={onShowField}>
            Go to the field
          </button>
        )}
      </span>
    </InlineAlert>
  )
}
