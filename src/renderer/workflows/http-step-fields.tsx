import type { HttpMethod } from '../../shared/workflows'
import { useConnectionsStore } from '../connections/connections-store'
import { SelectField, TextAreaField, TextField } from '../ui/fields'
import { HTTP_METHODS, methodHasBody, type EditorStep } from './editor-draft'
import { HeaderRows } from './header-rows'

interface HttpStepFieldsProps {
  step: EditorStep
  position: number
  /** The field main's validation pointed at, if it was in this step. */
  faultField: string | null
  onChange(step: EditorStep): void
  onRemove(): void
}

const NONE = ''

/** The editor of one HTTP request step: which connection, which method, which URL. */
export function HttpStepFields(props: HttpStepFieldsProps) {
  const { step, position, faultField, onChange, onRemove } = props
  const connections = useConnectionsStore((state) => state.connections)
  const missing = step.connectionId !== null && !connections.some((c) => c.id === step.connectionId)
  const options = [
    { value: NONE, label: 'None' },
    ...connections.map((connection) => ({ value: connection.id, label: connection.label })),
    ...(missing ? [{ value: step.connectionId ?? NONE, label: 'A removed connection' }] : []),
  ]
  const patch = (changes: Partial<EditorStep>) => onChange({ ...step, ...changes })
  const invalid = (field: string) => faultField === field

  return (
    <fieldset className="step-card" aria-label={`Step ${position}`}>
      <header className="step-card-head">
        <span className="step-number" aria-hidden="true">
          {position}
        </span>
        <span className="step-kind">HTTP request</span>
        <button type="button" className="btn btn-quiet btn-small" onClick={onRemove}>
          Remove step
        </button>
      </header>
      <div className="field-row">
        <TextField
          label="Step name"
          value={step.name}
          onChange={(name) => patch({ name })}
          invalid={invalid('name')}
        />
        <SelectField
          label="Connection"
          value={step.connectionId ?? NONE}
          onChange={(value) => patch({ connectionId: value === NONE ? null : value })}
          options={options}
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
        />
        <TextField
          label="URL"
          type="url"
          value={step.url}
          onChange={(url) => patch({ url })}
          placeholder="https://api.example.com/items"
          invalid={invalid('url')}
          monospace
        />
      </div>
      <HeaderRows rows={step.headers} onChange={(headers) => patch({ headers })} />
      {methodHasBody(step.method) && (
        <TextAreaField
          label="Body"
          value={step.body}
          onChange={(body) => patch({ body })}
          placeholder='{"title": "Hello"}'
          invalid={invalid('body')}
        />
      )}
    </fieldset>
  )
}
