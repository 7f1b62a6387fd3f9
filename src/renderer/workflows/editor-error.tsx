import type { UiError } from '../allv'
import { InlineAlert } from '../ui/inline-alert'

/** Why a save or run was refused; for an invalid workflow, the path main named comes first. */
export function EditorError({ error }: { error: UiError }) {
  const invalid = error.code === 'WORKFLOW_INVALID'
  return (
    <InlineAlert title={invalid ? 'The workflow was not saved' : 'Something went wrong'}>
      {error.message}
    </InlineAlert>
  )
}
