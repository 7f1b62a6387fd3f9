import { useState } from 'react'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { useWorkflowsStore } from './workflows-store'

/** Where the person asked to go while the open workflow had unsaved edits. */
type Leaving = { to: 'workflow'; workflowId: string } | { to: 'new' }

/** The saved workflows, and the button that starts a new one. */
export function WorkflowList() {
  const workflows = useWorkflowsStore((state) => state.workflows)
  const selectedId = useWorkflowsStore((state) => state.selectedId)
  const creating = useWorkflowsStore((state) => state.draft !== null && state.selectedId === null)
  const openName = useWorkflowsStore(
    (state) =>
      state.workflows.find((workflow) => workflow.id === state.selectedId)?.name ??
      state.draft?.name ??
      '',
  )
  const dirty = useWorkflowsStore((state) => state.dirty)
  const select = useWorkflowsStore((state) => state.select)
  const create = useWorkflowsStore((state) => state.create)
  const [leaving, setLeaving] = useState<Leaving | null>(null)

  const go = (target: Leaving) => (target.to === 'new' ? create() : select(target.workflowId))
  const leaveFor = (target: Leaving) => {
    if (target.to === 'workflow' && target.workflowId === selectedId) return
    if (dirty) setLeaving(target)
    else go(target)
  }

  return (
    <nav className="workflow-list" aria-label="Workflows">
      <div className="workflow-list-head">
        <h2 className="section-title">Workflows</h2>
        <button type="button" className="btn btn-small" onClick={() => leaveFor({ to: 'new' })}>
          New workflow
        </button>
      </div>
      <ul>
        {creating && (
          <li>
            <span className="workflow-link workflow-link-new" aria-current="page">
              New workflow (not saved)
            </span>
          </li>
        )}
        {workflows.map((workflow) => (
          <li key={workflow.id}>
            <button
              type="button"
              className="workflow-link"
              aria-current={workflow.id === selectedId ? 'page' : undefined}
              onClick={() => leaveFor({ to: 'workflow', workflowId: workflow.id })}
            >
              <span className="workflow-link-name">{workflow.name}</span>
              <span className="workflow-link-meta">
                {workflow.steps.length} {workflow.steps.length === 1 ? 'step' : 'steps'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {workflows.length === 0 && !creating && <p className="empty-note">No workflows yet.</p>}
      {leaving && (
        <ConfirmDialog
          title={`Discard unsaved changes to “${openName.trim() || 'Untitled workflow'}”?`}
          description="Your edits since the last save are lost. Keep editing to save them first."
          confirmLabel="Discard"
          cancelLabel="Keep editing"
          onConfirm={() => go(leaving)}
          onClose={() => setLeaving(null)}
        />
      )}
    </nav>
  )
}
