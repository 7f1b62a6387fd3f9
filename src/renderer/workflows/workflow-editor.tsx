import { useRef, type FormEvent } from 'react'
import { RunsPanel } from '../runs/runs-panel'
import { useRunsStore } from '../runs/runs-store'
import { SelectField } from '../ui/fields'
import type { EditorDraft } from './editor-draft'
import { EditorError } from './editor-error'
import { EditorToolbar } from './editor-toolbar'
import { StepList } from './step-list'
import { faultIsCurrent, readWorkflowFault, type WorkflowFault } from './workflow-fault'
import { panelId, tabId, WorkflowTabs } from './workflow-tabs'
import { useWorkflowsStore, type EditorFailure } from './workflows-store'

const CONTROLS = 'input, select, textarea'

/** The open workflow: its name, its trigger and its steps, with Save, Run and Delete. */
export function WorkflowEditor() {
  const draft = useWorkflowsStore((state) => state.draft)
  const error = useWorkflowsStore((state) => state.error)
  const view = useWorkflowsStore((state) => state.view)
  const { edit, save, run, showView } = useWorkflowsStore.getState()
  const form = useRef<HTMLFormElement>(null)
  if (!draft) return null

  const fault = currentFault(error, draft)
  const nameFault = fault?.target.kind === 'workflowName' ? fault.text : null

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

  // The faulty field may sit on the other tab, or far down a long list of steps.
  const showField = () => {
    if (view !== 'editor') showView('editor')
    requestAnimationFrame(() => {
      const marked = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      const control = marked?.matches(CONTROLS)
        ? marked
        : marked?.querySelector<HTMLElement>(CONTROLS)
      control?.focus()
      marked?.scrollIntoView({ block: 'center' })
    })
  }

  return (
    <form
      ref={form}
      className="editor"
      aria-label="Workflow editor"
      onSubmit={handleSubmit}
      noValidate
    >
      <EditorToolbar nameFault={nameFault} onRun={() => void handleRun()} />
      {error && (fault || !invalid(error)) && (
        <EditorError error={error} fault={fault} onShowField={showField} />
      )}
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
    </form>
  )
}

const invalid = (error: EditorFailure) => error.code === 'WORKFLOW_INVALID'

// A refusal whose field the person has since changed says nothing true about the draft.
function currentFault(error: EditorFailure | null, draft: EditorDraft): WorkflowFault | null {
  if (!error || !invalid(error)) return null
  const fault = readWorkflowFault(error.message)
  if (error.refused && !faultIsCurrent(fault.target, error.refused, draft)) return null
  return fault
}
