import { useId } from 'react'
import type { HttpMethod } from '../../shared/workflows'
import { useConnectionsStore } from '../connections/connections-store'
import { FieldFault, SelectField, TextAreaField, TextField } from '../ui/fields'
import { HTTP_METHODS, methodHasBody, type EditorStep } from './editor-draft'
import { HeaderRows } from './header-rows'
import type { StepField, StepFault } from './workflow-fault'

interface HttpStepFieldsProps {
  step: EditorStep
  position: number
  /** What main's validation said about this step, if anything. */
  fault: StepFault | null
  onChange(step: EditorStep): void
  onRemove(): void
}

const NONE = ''

/** The editor of one HTTP request step: which connection, which method, which URL. */
export function HttpStepFields(props: HttpStepFieldsProps) {
  const { step, position, fault, onChange, onRemove } = props
  const connections = useConnectionsStore((state) => state.connections)
  const stepFaultId = useId()
  const missing = step.connectionId !== null && !connections.some((c) => c.id === step.connectionId)
  const options = [
    { value: NONE, label: 'None' },
    ...connections.map((connection) => ({ value: connection.id, label: connection.label })),
    ...(missing ? [{ value: step.connectionId ?? NONE, label: 'A removed connection' }] : []),
  ]
  const patch = (changes: Partial<EditorStep>) => onChange({ ...step, ...changes })
  const faultAt = (field: StepField) => (fault?.field === field ? fault.text : null)
  const wholeStep = fault !== null && fault.field === null

  return (
    <fieldset
      className="step-card"
      aria-label={`Step ${position}`}
      aria-invalid={wholeStep ? true : undefined}
      aria-describedby={wholeStep ? stepFaultId : undefined}
    >
      <header className="step-card-head">
        <span className="step-number" aria-hidden="true">
          {position}
        </span>
        <span className="step-kind">HTTP request</span>
        <button type="button" className="btn btn-quiet btn-small" onClick={onRemove}>
          Remove step
        </button>
      </header>
      {wholeStep && <FieldFault id={stepFaultId} text={fault.text} />}
      <div className="field-row">
        <TextField
          label="Step name"
          value={step.name}
          onChange={(name) => patch({ name })}
          fault={faultAt('name')}
        />
        <SelectField
          label="Connection"
          value={step.connectionId ?? NONE}
          onChange={(value) => patch({ connectionId: value === NONE ? null : value })}
          options={options}
          fault={faultAt('connectionId')}
          hint={
            missing
              ? 'This connection was disconnected; pick another.'
              : 'Signs the request; leave None for public APIs.'
          }
        />
      </div>
      <div className="method-url-row">
        <SelectField
          label="Method"
          value={step.method}
          onChange={(value) => patch({ method: value as HttpMethod })}
          options={HTTP_METHODS.map((method) => ({ value: method, label: method }))}
          fault={faultAt('method')}
        />
        <TextField
          label="URL"
          type="url"
          value={step.url}
          onChange={(url) => patch({ url })}
          placeholder="https://api.example.com/items"
          fault={faultAt('url')}
          monospace
        />
      </div>
      <HeaderRows
        rows={step.headers}
        onChange={(headers) => patch({ headers })}
        fault={fault?.field === 'headers' ? fault : null}
      />
      {methodHasBody(step.method) && (
        <TextAreaField
          label="Body"
          value={step.body}
          onChange={(body) => patch({ body })}
          placeholder='{"title": "Hello"}'
          fault={faultAt('body')}
        />
      )}
    </fieldset>
  )
}
