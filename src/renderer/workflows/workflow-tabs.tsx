import type { KeyboardEvent } from 'react'
import { useRunsStore } from '../runs/runs-store'
import { useWorkflowsStore, type WorkflowView } from './workflows-store'

const views: { view: WorkflowView; label: string }[] = [
  { view: 'editor', label: 'Editor' },
  { view: 'runs', label: 'Runs' },
]

/** The id of the panel a tab controls, for aria-controls and aria-labelledby. */
export const panelId = (view: WorkflowView) => `workflow-panel-${view}`
export const tabId = (view: WorkflowView) => `workflow-tab-${view}`

/** Switches between the open workflow's editor and its runs; arrow keys move between tabs. */
export function WorkflowTabs() {
  const current = useWorkflowsStore((state) => state.view)
  const saved = useWorkflowsStore((state) => state.selectedId !== null)
  const showView = useWorkflowsStore((state) => state.showView)
  const runCount = useRunsStore((state) => state.runs.length)

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    const next = current === 'editor' ? 'runs' : 'editor'
    if (next === 'runs' && !saved) return
    showView(next)
    document.getElementById(tabId(next))?.focus()
  }

  return (
    <div className="tabs" role="tablist" aria-label="Workflow" onKeyDown={handleKeyDown}>
      {views.map(({ view, label }) => (
        <button
          key={view}
          id={tabId(view)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={current === view}
          aria-controls={panelId(view)}
          tabIndex={current === view ? 0 : -1}
          disabled={view === 'runs' && !saved}
          onClick={() => showView(view)}
        >
          {label}
          {view === 'runs' && saved && <span className="tab-count">{runCount}</span>}
        </button>
      ))}
    </div>
  )
}
