import { newHttpStep, type EditorDraft, type EditorStep } from './editor-draft'
import { HttpStepFields } from './http-step-fields'
import { faultOfStep, type WorkflowFault } from './workflow-fault'

interface StepListProps {
  draft: EditorDraft
  fault: WorkflowFault | null
  onChange(update: (draft: EditorDraft) => EditorDraft): void
}

/** The workflow's steps in the order they run, and the button that adds one. */
export function StepList({ draft, fault, onChange }: StepListProps) {
  const replaceStep = (step: EditorStep) =>
    onChange((current) => ({
      ...current,
      steps: current.steps.map((candidate) => (candidate.id === step.id ? step : candidate)),
    }))
  const removeStep = (stepId: string) =>
    onChange((current) => ({
      ...current,
      steps: current.steps.filter((candidate) => candidate.id !== stepId),
    }))
  const addStep = () =>
    onChange((current) => ({
      ...current,
      steps: [...current.steps, newHttpStep(current.steps.length + 1)],
    }))

  return (
    <section className="editor-section" aria-labelledby="steps-heading">
      <h2 id="steps-heading" className="section-title">
        Steps
      </h2>
      {draft.steps.length === 0 && (
        <p className="empty-note">
          No steps yet. A step calls an API, with or without a connection.
        </p>
      )}
      <ol className="step-cards">
        {draft.steps.map((step, index) => (
          <li key={step.id}>
            <HttpStepFields
              step={step}
              position={index + 1}
              fault={faultOfStep(fault, index)}
              onChange={replaceStep}
              onRemove={() => removeStep(step.id)}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-dashed" onClick={addStep}>
        Add HTTP request step
      </button>
    </section>
  )
}
