import { useState, type FormEvent } from 'react'
import { RunsPanel } from '../runs/runs-panel'
import { useRunsStore } from '../runs/runs-store'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { SelectField, TextField } from '../ui/fields'
import { locateFault } from './editor-draft'
import { EditorError } from './editor-error'
import { StepList } from './step-list'
import { panelId, tabId, WorkflowTabs } from './workflow-tabs'
import { useWorkflowsStore } from './workflows-store'

/** The open workflow: its name, its trigger and its steps, with Save, Run and Delete. */
export function WorkflowEditor() {
  const draft = useWorkflowsStore((state) => state.draft)
  const dirty = useWorkflowsStore((state) => state.dirty)
  const saving = useWorkflowsStore((state) => state.saving)
  const running = useWorkflowsStore((state) => state.running)
  const error = useWorkflowsStore((state) => state.error)
  const view = useWorkflowsStore((state) => state.view)
  const { edit, save, remove, run } = useWorkflowsStore.getState()
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  if (!draft) return null

  const fault = error?.code === 'WORKFLOW_INVALID' ? locateFault(error.message) : null

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    void save()
  }

  const handleRun = async () => {
    const started = await run()
    if (!started) return
    const runs = useRunsStore.getState()
    await runs.showWorkflow(started.workflowId)
    await runs.selectRun(started.runId)
  }

  return (
    <form className="editor" aria-label="Workflow editor" onSubmit={handleSubmit} noValidate>
      <div className="editor-toolbar">
        <div className="editor-name">
          <TextField
            label="Workflow name"
            value={draft.name}
            onChange={(name) => edit((current) => ({ ...current, name }))}
            invalid={error?.code === 'WORKFLOW_INVALID' && /^name\b/.test(error.message)}
          />
        </div>
        <p className="editor-state" aria-live="polite">
          {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
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
            onClick={() => void handleRun()}
            disabled={saving || running || draft.steps.length === 0}
          >
            Run
          </button>
        </div>
      </div>
      {error && <EditorError error={error} />}
      <WorkflowTabs />
      <div className="tab-panel" role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)}>
        {view === 'editor' ? (
          <>
            <div className="trigger-row">
              <SelectField
                label="Trigger"
                value="manual"
                onChange={() => undefined}
                options={[{ value: 'manual', label: 'Manual' }]}
                hint="Runs when you press Run. Schedules and other triggers come later."
              />
            </div>
            <StepList draft={draft} fault={fault} onChange={edit} />
          </>
        ) : (
          <RunsPanel />
        )}
      </div>
      {confirmingDelete && (
        <ConfirmDialog
          title={`Delete “${draft.name}”?`}
          description="The workflow is removed from this computer. This cannot be undone."
          confirmLabel="Delete"
          onConfirm={remove}
          onClose={() => setConfirmingDelete(false)}
        />
      )}
    </form>
  )
}
