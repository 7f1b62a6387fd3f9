import { useState } from 'react'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { TextField } from '../ui/fields'
import { useWorkflowsStore } from './workflows-store'

interface EditorToolbarProps {
  /** What main said is wrong with the name, if anything. */
  nameFault: string | null
  onRun(): void
}

/** The open workflow's name, whether it is saved, and Delete, Save and Run. */
export function EditorToolbar({ nameFault, onRun }: EditorToolbarProps) {
  const name = useWorkflowsStore((state) => state.draft?.name ?? '')
  const stepCount = useWorkflowsStore((state) => state.draft?.steps.length ?? 0)
  const dirty = useWorkflowsStore((state) => state.dirty)
  const saved = useWorkflowsStore((state) => state.selectedId !== null)
  const saving = useWorkflowsStore((state) => state.saving)
  const running = useWorkflowsStore((state) => state.running)
  const edit = useWorkflowsStore((state) => state.edit)
  const remove = useWorkflowsStore((state) => state.remove)
  const [confirmingDelete, setConfirmingDelete] = useState(false)

  return (
    <div className="editor-toolbar">
      <div className="editor-name">
        <TextField
          label="Workflow name"
          value={name}
          onChange={(value) => edit((current) => ({ ...current, name: value }))}
          fault={nameFault}
        />
      </div>
      <p className="editor-state" aria-live="polite">
        {saving ? 'Saving…' : dirty ? 'Unsaved changes' : saved ? 'Saved' : 'Not saved yet'}
      </p>
      <div className="editor-actions">
        <button type="button" className="btn btn-quiet" onClick={() => setConfirmingDelete(true)}>
          Delete
        </button>
        <button type="submit" className="btn" disabled={saving}>
          Save
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={onRun}
          disabled={saving || running || stepCount === 0}
        >
          Run
        </button>
      </div>
      {confirmingDelete && (
        <ConfirmDialog
          title={`Delete “${name}”?`}
          description="The workflow is removed from this computer. This cannot be undone."
          confirmLabel="Delete"
          onConfirm={remove}
          onClose={() => setConfirmingDelete(false)}
        />
      )}
    </div>
  )
}
