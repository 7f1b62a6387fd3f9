import { useWorkflowsStore } from './workflows-store'

/** The saved workflows, and the button that starts a new one. */
export function WorkflowList() {
  const workflows = useWorkflowsStore((state) => state.workflows)
  const selectedId = useWorkflowsStore((state) => state.selectedId)
  const creating = useWorkflowsStore((state) => state.draft !== null && state.selectedId === null)
  const select = useWorkflowsStore((state) => state.select)
  const create = useWorkflowsStore((state) => state.create)

  return (
    <nav className="workflow-list" aria-label="Workflows">
      <div className="workflow-list-head">
        <h2 className="section-title">Workflows</h2>
        <button type="button" className="btn btn-small" onClick={create}>
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
              onClick={() => select(workflow.id)}
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
    </nav>
  )
}
