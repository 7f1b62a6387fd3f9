import { useEffect } from 'react'
import { useRunsStore } from '../runs/runs-store'
import { InlineAlert } from '../ui/inline-alert'
import { WorkflowEditor } from './workflow-editor'
import { WorkflowList } from './workflow-list'
import { useWorkflowsStore } from './workflows-store'

/** Workflows on the left; the open one's editor and its runs on the right. */
export function WorkflowsPage() {
  const selectedId = useWorkflowsStore((state) => state.selectedId)
  const hasDraft = useWorkflowsStore((state) => state.draft !== null)
  const loadError = useWorkflowsStore((state) => state.loadError)
  const create = useWorkflowsStore((state) => state.create)
  const showWorkflow = useRunsStore((state) => state.showWorkflow)

  useEffect(() => {
    void showWorkflow(selectedId)
  }, [selectedId, showWorkflow])

  return (
    <div className="workflows-layout">
      <WorkflowList />
      <div className="workflow-main">
        {loadError && <InlineAlert title="Could not load your workflows">{loadError}</InlineAlert>}
        {hasDraft ? (
          <WorkflowEditor />
        ) : (
          <div className="empty-state">
            <h2 className="empty-state-title">Build a workflow</h2>
            <p className="muted">
              A workflow runs steps on this computer: call an API with one of your connections, then
              read what came back.
            </p>
            <button type="button" className="btn btn-primary" onClick={create}>
              Create a workflow
            </button>
          </div>
        )}
      </div>
    </div>
  )
}
